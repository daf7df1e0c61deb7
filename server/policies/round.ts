import { can, type Capability, type Role } from '../../shared/domain/roles';
import type { DocumentSummary } from '../../shared/schemas/documents';
import type { RoundStatus } from '../../shared/schemas/rounds';
import type { Stores } from '../deps';
import { ApiError, forbidden, notFound } from '../http/apiError';
import type { RoundRow } from '../stores/rounds';
import type { RowLock } from '../stores/rowLock';

/** The stores the round policy reads. */
type PolicyStores = Pick<Stores, 'documents' | 'teams' | 'rounds'>;

/** How a user takes part in a round: as a member of the document's team, or as a reviewer. */
export type RoundAccess =
  { kind: 'team'; role: Role } | { kind: 'reviewer'; team: { id: string; name: string } | null };

/**
 * The status everyone sees and every rule uses: an open round whose deadline has passed counts as
 * closed at once, before the deadline job has written it down, so reads never have to write.
 */
export function effectiveStatus(round: RoundRow, now = Date.now()): RoundStatus {
  return round.status === 'open' && round.deadline <= now ? 'closed' : round.status;
}

/** The caller's role in the team that owns the document (undefined: not a member). */
export async function teamRoleOn(
  stores: Pick<Stores, 'teams'>,
  userId: string,
  document: DocumentSummary,
): Promise<Role | undefined> {
  return document.teamId ? await stores.teams.role(document.teamId, userId) : undefined;
}

/** How `userId` takes part in the round, or null: team members who may read, invited teams, link reviewers. */
export async function roundAccess(
  stores: PolicyStores,
  userId: string,
  round: RoundRow,
): Promise<RoundAccess | null> {
  const document = await stores.documents.get(round.doc_id);
  if (!document) return null;
  const role = await teamRoleOn(stores, userId, document);
  if (role && can(role, 'document.read')) return { kind: 'team', role };
  const team = await stores.rounds.reviewerTeam(round.id, userId);
  if (team) return { kind: 'reviewer', team };
  if (await stores.rounds.isIndividualReviewer(round.id, userId)) return { kind: 'reviewer', team: null };
  return null;
}

/** What one can do with a round. */
export type RoundAction =
  /** See the round itself (its page, title, status). */
  | 'view'
  /** See the frozen version, its comments, the answers, who can be mentioned, the live changes. */
  | 'viewVersion'
  /** See which teams, links and people were invited. */
  | 'viewReviewers'
  /** Read the summary (what happened with every item). */
  | 'viewSummary'
  /** Write in the round's threads: new threads, replies, edits, deletes, resolve and reopen. */
  | 'comment'
  /** Answer the round's criteria. */
  | 'respond'
  /** Manage the round at any time (revoke links); what `Round.can.manage` reports. */
  | 'manage'
  /** Change title, description, deadline or criteria. */
  | 'edit'
  /** Invite or remove reviewers: teams and links. */
  | 'invite'
  | 'close'
  | 'triage'
  | 'complete'
  /** Carry the round's open threads over to the live draft. */
  | 'carryOver';

/**
 * Who among reviewers: everyone, nobody, only while the round is open (their access to the version
 * ends with the round), or only once it is closed (the summary).
 */
type ReviewerRule = 'always' | 'never' | 'whileOpen' | 'onceClosed';

interface Rule {
  /** Team members need this capability (shared/domain/roles.ts); null: no team member. */
  team: Capability | null;
  reviewer: ReviewerRule;
  /** The 403 message for a caller whose part in the round does not allow the action. */
  refused: string;
  /** The statuses in which the action is possible (absent: any), and the 409 otherwise. */
  statuses?: readonly RoundStatus[];
  wrongStatus?: (status: RoundStatus) => { code: string; message: string };
}

const MANAGE = 'Alleen eigenaren van het team beheren feedbackrondes.';
const TRIAGE = 'Alleen eigenaren en bewerkers van het team beoordelen feedback.';
const OPEN: readonly RoundStatus[] = ['open'];
const CLOSED: readonly RoundStatus[] = ['closed'];
const roundIs = (message: string) => (status: RoundStatus) => ({ code: `round_${status}`, message });

/**
 * The one table of who may do what with a round, and when. A closed round (by its owner or its
 * deadline) is a record: its threads and answers no longer change — for reviewers and team alike —
 * and the team answers it through the triage; talk goes on in the live draft after carry-over.
 */
const RULES: Record<RoundAction, Rule> = {
  view: { team: 'document.read', reviewer: 'always', refused: 'Je hebt geen toegang tot deze ronde.' },
  viewVersion: {
    team: 'document.read',
    reviewer: 'whileOpen',
    refused: 'Je hebt geen toegang tot deze ronde.',
  },
  viewReviewers: {
    team: 'document.read',
    reviewer: 'never',
    refused: 'Alleen het team ziet wie er is uitgenodigd.',
  },
  viewSummary: {
    team: 'document.read',
    reviewer: 'onceClosed',
    refused: 'Je hebt geen toegang tot deze ronde.',
  },
  comment: {
    team: 'document.comment',
    reviewer: 'whileOpen',
    refused: 'Je rol staat reageren niet toe.',
    statuses: OPEN,
    wrongStatus: () => ({ code: 'round_closed', message: 'Deze feedbackronde is gesloten.' }),
  },
  respond: {
    team: null,
    reviewer: 'whileOpen',
    refused: 'Alleen reviewers beantwoorden de criteria van een ronde.',
    statuses: OPEN,
    wrongStatus: roundIs('Deze feedbackronde is gesloten.'),
  },
  manage: { team: 'document.changeStatus', reviewer: 'never', refused: MANAGE },
  edit: {
    team: 'document.changeStatus',
    reviewer: 'never',
    refused: MANAGE,
    statuses: OPEN,
    wrongStatus: roundIs('Een gesloten feedbackronde kan niet meer worden gewijzigd.'),
  },
  invite: {
    team: 'document.changeStatus',
    reviewer: 'never',
    refused: MANAGE,
    statuses: OPEN,
    wrongStatus: roundIs('Deze feedbackronde is gesloten.'),
  },
  close: {
    team: 'document.changeStatus',
    reviewer: 'never',
    refused: MANAGE,
    statuses: OPEN,
    wrongStatus: roundIs('Deze feedbackronde is al gesloten.'),
  },
  triage: {
    team: 'document.edit',
    reviewer: 'never',
    refused: TRIAGE,
    statuses: CLOSED,
    wrongStatus: (status) =>
      status === 'open'
        ? { code: 'round_open', message: 'Sluit de ronde eerst; daarna begint de triage.' }
        : { code: 'round_completed', message: 'Deze ronde is afgerond.' },
  },
  complete: {
    team: 'document.edit',
    reviewer: 'never',
    refused: TRIAGE,
    statuses: CLOSED,
    wrongStatus: (status) =>
      roundIs(status === 'open' ? 'Sluit de ronde eerst.' : 'Deze ronde is al afgerond.')(status),
  },
  carryOver: {
    team: 'document.edit',
    reviewer: 'never',
    refused: 'Alleen eigenaren en bewerkers nemen reacties over in het concept.',
    statuses: ['closed', 'completed'],
    wrongStatus: () => ({ code: 'round_open', message: 'Sluit de ronde eerst.' }),
  },
};

/** Why an action is refused: the status, code and message of the error. */
interface Refusal {
  status: 403 | 409;
  code: string;
  message: string;
}

function refusal(access: RoundAccess, round: RoundRow, action: RoundAction, now: number): Refusal | null {
  const rule = RULES[action];
  const status = effectiveStatus(round, now);
  if (access.kind === 'team') {
    if (!rule.team || !can(access.role, rule.team))
      return { status: 403, code: 'forbidden', message: rule.refused };
  } else if (rule.reviewer === 'never') {
    return { status: 403, code: 'forbidden', message: rule.refused };
  } else if (rule.reviewer === 'whileOpen' && status !== 'open') {
    return {
      status: 403,
      code: 'round_closed',
      message: 'Deze feedbackronde is gesloten; je kunt alleen de samenvatting nog zien.',
    };
  } else if (rule.reviewer === 'onceClosed' && status === 'open') {
    return {
      status: 409,
      code: 'round_open',
      message: 'De samenvatting verschijnt als de ronde is gesloten.',
    };
  }
  if (rule.statuses && !rule.statuses.includes(status)) return { status: 409, ...rule.wrongStatus!(status) };
  return null;
}

/** Whether the caller may do `action` with the round now (what `Round.can` tells the client). */
export function canOnRound(
  access: RoundAccess,
  round: RoundRow,
  action: RoundAction,
  now = Date.now(),
): boolean {
  return refusal(access, round, action, now) === null;
}

/** Throws the 403 or 409 when the caller may not do `action` with the round now. */
export function requireOnRound(
  access: RoundAccess,
  round: RoundRow,
  action: RoundAction,
  now = Date.now(),
): void {
  const refused = refusal(access, round, action, now);
  if (refused) throw new ApiError(refused.status, refused.code, refused.message);
}

/** Opening a round on a document: for the team members who manage rounds (403 for the others). */
export function requireMayOpenRound(role: Role): void {
  const rule = RULES.manage;
  if (!rule.team || !can(role, rule.team)) throw forbidden(rule.refused);
}

/**
 * Loads a round and authorizes `action` on it: 404 when it does not exist or the caller has no part
 * in it (its existence is not revealed), otherwise the table's 403 or 409.
 */
export async function authorizeRound(
  stores: PolicyStores,
  userId: string,
  roundId: string,
  action: RoundAction,
  now = Date.now(),
): Promise<{ round: RoundRow; access: RoundAccess; document: DocumentSummary }> {
  return authorizeLoaded(stores, userId, await stores.rounds.round(roundId), action, now);
}

/**
 * authorizeRound inside the transaction that writes, with the round's row locked until it commits
 * (see RowLock): the status it checks cannot change before the write lands, and a close or
 * completion that committed since the first check is seen here and refused as usual.
 */
export async function authorizeLockedRound(
  stores: PolicyStores,
  userId: string,
  roundId: string,
  action: RoundAction,
  lock: RowLock,
): Promise<{ round: RoundRow; access: RoundAccess; document: DocumentSummary }> {
  return authorizeLoaded(stores, userId, await stores.rounds.lockRound(roundId, lock), action, Date.now());
}

async function authorizeLoaded(
  stores: PolicyStores,
  userId: string,
  round: RoundRow | undefined,
  action: RoundAction,
  now: number,
): Promise<{ round: RoundRow; access: RoundAccess; document: DocumentSummary }> {
  const access = round ? await roundAccess(stores, userId, round) : null;
  const document = round ? await stores.documents.get(round.doc_id) : undefined;
  if (!round || !access || !document) throw notFound('Deze feedbackronde bestaat niet.');
  requireOnRound(access, round, action, now);
  return { round, access, document };
}
