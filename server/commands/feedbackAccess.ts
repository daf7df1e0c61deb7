import * as Y from 'yjs';
import { can, type Role } from '../../shared/domain/roles';
import type { PersonRef, RoundStatus } from '../../shared/schemas/feedback';
import type { DocumentSummary } from '../../shared/schemas/documents';
import type { AppDeps } from '../deps';
import { ApiError, forbidden, notFound } from '../http/apiError';
import type { RoundRow } from '../stores/feedback';
import { emitFeedbackChange } from './feedbackEvents';

type Deps = Pick<AppDeps, 'db' | 'stores'>;

/** ISO time of a stored millisecond timestamp (null stays null). */
export const iso = (time: number | null) => (time === null ? null : new Date(time).toISOString());

/** A person as responses show them; a deleted account keeps its id but no name. */
export function person(id: string | null, name: string | null | undefined): PersonRef | null {
  return id ? { id, name: name ?? 'Verwijderd account' } : null;
}

/** The members of the document's team as people to mention, sorted by name. */
export function teamPeople(deps: Deps, document: DocumentSummary): Map<string, PersonRef> {
  const people = new Map<string, PersonRef>();
  for (const member of document.teamId ? deps.stores.teams.members(document.teamId) : []) {
    people.set(member.userId, { id: member.userId, name: member.name });
  }
  return people;
}

/** People sorted by name (Dutch collation). */
export function sortedPeople(people: Map<string, PersonRef>): PersonRef[] {
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/** How a user takes part in a round: as a member of the document's team, or as a reviewer. */
export type RoundAccess =
  { kind: 'team'; role: Role } | { kind: 'reviewer'; team: { id: string; name: string } | null };

/** The caller's role in the team that owns the document (undefined: not a member). */
export function teamRoleOn(deps: Deps, userId: string, document: DocumentSummary): Role | undefined {
  return document.teamId ? deps.stores.teams.role(document.teamId, userId) : undefined;
}

/** Closes every open round whose deadline has passed (lazily, before anything reads rounds). */
export function closeOverdueRounds(deps: Deps, now = Date.now()): void {
  const store = deps.stores.feedback;
  for (const round of store.overdueRounds(now)) {
    if (!store.closeRound(round.id, null)) continue;
    notifyRoundTeam(deps, round, {
      kind: 'round_closed',
      text: `De feedbackronde "${round.title}" is gesloten (deadline verstreken). Tijd voor de triage.`,
      actorId: null,
    });
    emitFeedbackChange(round.doc_id, { kind: 'round', roundId: round.id });
  }
}

/** The current row of a round (after closing overdue rounds), or undefined. */
export function currentRound(deps: Deps, roundId: string): RoundRow | undefined {
  closeOverdueRounds(deps);
  return deps.stores.feedback.round(roundId);
}

/** How `userId` may see the round, or null: team members with read access, invited teams, link reviewers. */
export function roundAccess(deps: Deps, userId: string, round: RoundRow): RoundAccess | null {
  const document = deps.stores.documents.get(round.doc_id);
  if (!document) return null;
  const role = teamRoleOn(deps, userId, document);
  if (role && can(role, 'document.read')) return { kind: 'team', role };
  const store = deps.stores.feedback;
  const team = store.reviewerTeam(round.id, userId);
  if (team) return { kind: 'reviewer', team };
  if (store.isIndividualReviewer(round.id, userId)) return { kind: 'reviewer', team: null };
  return null;
}

/**
 * Loads a round the caller may see: 404 when it does not exist or they have no part in it (its
 * existence is not revealed). With `activeReviewer`, reviewers are refused (403) once the round is
 * closed — their access ends with the round; the summary stays readable.
 */
export function requireRound(
  deps: Deps,
  userId: string,
  roundId: string,
  options: { activeReviewer?: boolean } = {},
): { round: RoundRow; access: RoundAccess; document: DocumentSummary } {
  const round = currentRound(deps, roundId);
  const access = round ? roundAccess(deps, userId, round) : null;
  const document = round ? deps.stores.documents.get(round.doc_id) : undefined;
  if (!round || !access || !document) throw notFound('Deze feedbackronde bestaat niet.');
  if (options.activeReviewer && access.kind === 'reviewer' && round.status !== 'open') {
    throw new ApiError(
      403,
      'round_closed',
      'Deze feedbackronde is gesloten; je kunt alleen de samenvatting nog zien.',
    );
  }
  return { round, access, document };
}

/** Team members with this capability; 403 for everyone else (reviewers included). */
export function requireTeamCapability(
  access: RoundAccess,
  capability: 'document.comment' | 'document.changeStatus' | 'document.edit',
  message: string,
): void {
  if (access.kind !== 'team' || !can(access.role, capability)) throw forbidden(message);
}

export function requireStatus(round: RoundRow, status: RoundStatus, message: string): void {
  if (round.status !== status) throw new ApiError(409, `round_${round.status}`, message);
}

/** Whether the user may see the thread's context (for mentions and reply notifications). */
export function canSeeContext(deps: Deps, userId: string, docId: string, roundId: string | null): boolean {
  const document = deps.stores.documents.get(docId);
  if (!document) return false;
  if (can(teamRoleOn(deps, userId, document), 'document.read')) return true;
  if (!roundId) return false;
  const round = deps.stores.feedback.round(roundId);
  if (!round || round.status !== 'open') return false;
  return roundAccess(deps, userId, round)?.kind === 'reviewer';
}

/** The client path of a document's editor (what notifications link to). */
export function documentPath(document: DocumentSummary): string {
  const id = encodeURIComponent(document.id);
  if (document.kind === 'leerarrangement') return `/ontwerpen/${id}`;
  if (document.kind === 'ontwikkelpad') return `/ontwikkelpaden/${id}`;
  return `/d/${id}`;
}

/** Notifies every member of the document's team who may manage the round (owners and editors). */
export function notifyRoundTeam(
  deps: Deps,
  round: RoundRow,
  notification: { kind: string; text: string; actorId: string | null },
): void {
  const document = deps.stores.documents.get(round.doc_id);
  if (!document?.teamId) return;
  const store = deps.stores.feedback;
  for (const member of deps.stores.teams.members(document.teamId)) {
    if (member.userId === notification.actorId || !can(member.role, 'document.edit')) continue;
    store.notify({
      userId: member.userId,
      ...notification,
      link: `${documentPath(document)}?ronde=${encodeURIComponent(round.id)}`,
      docId: document.id,
    });
  }
}

/** The frozen version's Y.Doc (a fresh copy; the caller destroys it). */
export function loadVersionDoc(deps: Deps, round: RoundRow): Y.Doc {
  const state = deps.stores.versions.state(round.doc_id, round.version_id);
  if (!state) throw notFound('De versie van deze feedbackronde bestaat niet meer.');
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, state);
  return doc;
}
