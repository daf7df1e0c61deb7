import { randomUUID } from 'node:crypto';
import { reanchor } from '../../shared/comments/anchors';
import { can } from '../../shared/domain/roles';
import {
  DEFAULT_CRITERIA_NL,
  TRIAGE_DECISIONS,
  TRIAGE_LABELS_NL,
  type Criterion,
  type CriterionResponse,
  type Round,
  type RoundParticipant,
  type RoundReviewers,
  type RoundSummary,
  type SummaryItem,
  type TriageDecision,
} from '../../shared/schemas/feedback';
import { generateSecureRandomString, hashSecret } from '../auth/tokens';
import { readDocument } from '../collab/readDocument';
import type { AppDeps } from '../deps';
import { ApiError, forbidden, notFound } from '../http/apiError';
import { authorizeDocument } from '../policies/document';
import type { ResponseRow, RoundRow } from '../stores/feedback';
import { groupThreads } from './comments';
import { escapeHtml, escapeMd } from './exports';
import {
  closeOverdueRounds,
  iso,
  person,
  sortedPeople,
  teamPeople,
  notifyRoundTeam,
  requireRound,
  requireStatus,
  requireTeamCapability,
  type RoundAccess,
} from './feedbackAccess';
import { emitFeedbackChange } from './feedbackEvents';

type Deps = AppDeps;

const MANAGE_MESSAGE = 'Alleen eigenaren van het team beheren feedbackrondes.';
const TRIAGE_MESSAGE = 'Alleen eigenaren en bewerkers van het team beoordelen feedback.';

function criteriaOf(round: RoundRow): Criterion[] {
  return JSON.parse(round.criteria) as Criterion[];
}

/** The round as the caller sees it, with what they may do now. */
export function presentRound(deps: Deps, round: RoundRow, access: RoundAccess): Round {
  const document = deps.stores.documents.get(round.doc_id)!;
  const team = document.teamId ? deps.stores.teams.get(document.teamId) : undefined;
  const version = deps.stores.versions.get(round.doc_id, round.version_id);
  const open = round.status === 'open';
  const isTeam = access.kind === 'team';
  return {
    id: round.id,
    docId: round.doc_id,
    documentTitle: document.title,
    teamId: team?.id ?? '',
    teamName: team?.name ?? '',
    version: { id: round.version_id, label: version?.label ?? '', createdAt: version?.createdAt ?? '' },
    title: round.title,
    description: round.description,
    deadline: new Date(round.deadline).toISOString(),
    criteria: criteriaOf(round),
    status: round.status,
    createdBy: person(
      round.created_by,
      round.created_by ? deps.stores.users.get(round.created_by)?.name : null,
    ),
    createdAt: new Date(round.created_at).toISOString(),
    closedAt: iso(round.closed_at),
    completedAt: iso(round.completed_at),
    access: access.kind,
    can: {
      comment: open && (!isTeam || can(access.role, 'document.comment')),
      respond: open && !isTeam,
      manage: isTeam && can(access.role, 'document.changeStatus'),
      triage: isTeam && can(access.role, 'document.edit') && round.status === 'closed',
    },
  };
}

function normaliseCriteria(
  input: Array<{ id?: string | undefined; title: string; description?: string | undefined }>,
) {
  const seen = new Set<string>();
  return input.map((criterion): Criterion => {
    let id = criterion.id && !seen.has(criterion.id) ? criterion.id : randomUUID();
    if (seen.has(id)) id = randomUUID();
    seen.add(id);
    return { id, title: criterion.title, description: criterion.description ?? '' };
  });
}

function parseDeadline(value: string, now = Date.now()): number {
  const deadline = Date.parse(value);
  if (!Number.isFinite(deadline)) throw new ApiError(400, 'invalid_body', 'Deadline is geen geldige datum.');
  if (deadline <= now) throw new ApiError(400, 'invalid_body', 'De deadline ligt in het verleden.');
  return deadline;
}

/** POST /api/documents/:docId/rounds — owners open a round on one version of the document. */
export function createRound(
  deps: Deps,
  userId: string,
  docId: string,
  input: {
    versionId: string;
    title: string;
    description?: string | undefined;
    deadline: string;
    criteria?:
      Array<{ id?: string | undefined; title: string; description?: string | undefined }> | undefined;
  },
): Round {
  const { document, role } = authorizeDocument(deps.stores, userId, docId, 'document.read');
  if (!can(role, 'document.changeStatus')) throw forbidden(MANAGE_MESSAGE);
  const version = deps.stores.versions.get(docId, input.versionId);
  if (!version) throw new ApiError(400, 'unknown_version', 'Deze versie hoort niet bij dit document.');
  const id = randomUUID();
  const criteria = normaliseCriteria(input.criteria ?? DEFAULT_CRITERIA_NL.map((title) => ({ title })));
  deps.db.transaction(() => {
    deps.stores.feedback.insertRound({
      id,
      docId,
      versionId: version.id,
      title: input.title,
      description: input.description ?? '',
      deadline: parseDeadline(input.deadline),
      criteria,
      createdBy: userId,
    });
    deps.stores.audit.record('round.opened', {
      teamId: document.teamId,
      actorId: userId,
      details: { documentId: docId, roundId: id, versionId: version.id, title: input.title },
    });
  })();
  emitFeedbackChange(docId, { kind: 'round', roundId: id });
  return presentRound(deps, deps.stores.feedback.round(id)!, { kind: 'team', role });
}

/** GET /api/documents/:docId/rounds — every round of the document (team members). */
export function listRounds(deps: Deps, userId: string, docId: string): { rounds: Round[] } {
  const { role } = authorizeDocument(deps.stores, userId, docId, 'document.read');
  closeOverdueRounds(deps);
  return {
    rounds: deps.stores.feedback
      .roundsOfDoc(docId)
      .map((round) => presentRound(deps, round, { kind: 'team', role })),
  };
}

/** GET /api/rounds/:roundId */
export function getRound(deps: Deps, userId: string, roundId: string): Round {
  const { round, access } = requireRound(deps, userId, roundId);
  return presentRound(deps, round, access);
}

/** PATCH /api/rounds/:roundId — owners, while open. */
export function updateRound(
  deps: Deps,
  userId: string,
  roundId: string,
  input: {
    title?: string | undefined;
    description?: string | undefined;
    deadline?: string | undefined;
    criteria?:
      Array<{ id?: string | undefined; title: string; description?: string | undefined }> | undefined;
  },
): Round {
  const { round, access } = requireRound(deps, userId, roundId);
  requireTeamCapability(access, 'document.changeStatus', MANAGE_MESSAGE);
  requireStatus(round, 'open', 'Een gesloten feedbackronde kan niet meer worden gewijzigd.');
  const criteria = input.criteria ? normaliseCriteria(input.criteria) : criteriaOf(round);
  deps.stores.feedback.updateRound(round.id, {
    title: input.title ?? round.title,
    description: input.description ?? round.description,
    deadline: input.deadline ? parseDeadline(input.deadline) : round.deadline,
    criteria,
  });
  emitFeedbackChange(round.doc_id, { kind: 'round', roundId: round.id });
  return getRound(deps, userId, roundId);
}

/** GET /api/rounds/:roundId/version — the frozen version's projection (team; reviewers while open). */
export function roundVersion(deps: Deps, userId: string, roundId: string) {
  const { round } = requireRound(deps, userId, roundId, { activeReviewer: true });
  const version = deps.stores.versions.get(round.doc_id, round.version_id);
  if (!version) throw notFound('De versie van deze feedbackronde bestaat niet meer.');
  return {
    version: { id: version.id, label: version.label, createdAt: version.createdAt },
    projection: version.json,
  };
}

/** GET /api/rounds/:roundId/version/state — the frozen version's Yjs update. */
export function roundVersionState(deps: Deps, userId: string, roundId: string): Uint8Array {
  const { round } = requireRound(deps, userId, roundId, { activeReviewer: true });
  const state = deps.stores.versions.state(round.doc_id, round.version_id);
  if (!state) throw notFound('De versie van deze feedbackronde bestaat niet meer.');
  return state;
}

function participants(deps: Deps, round: RoundRow): RoundParticipant[] {
  const store = deps.stores.feedback;
  const submitted = new Map(store.submissions(round.id).map((row) => [row.user_id, row.submitted_at]));
  const comments = new Map<string, number>();
  for (const row of store.roundComments(round.id)) {
    if (row.author_id && row.deleted_at === null)
      comments.set(row.author_id, (comments.get(row.author_id) ?? 0) + 1);
  }
  const seen = new Set<string>();
  const list: RoundParticipant[] = [];
  for (const reviewer of store.reviewers(round.id)) {
    if (seen.has(reviewer.user_id)) continue;
    seen.add(reviewer.user_id);
    list.push({
      user: { id: reviewer.user_id, name: reviewer.name },
      team: reviewer.team_id ? { id: reviewer.team_id, name: reviewer.team_name ?? '' } : null,
      submittedAt: iso(submitted.get(reviewer.user_id) ?? null),
      commentCount: comments.get(reviewer.user_id) ?? 0,
    });
  }
  return list.sort((a, b) => a.user.name.localeCompare(b.user.name, 'nl'));
}

/** GET /api/rounds/:roundId/reviewers — invited teams, links and who has responded (team only). */
export function roundReviewers(deps: Deps, userId: string, roundId: string): RoundReviewers {
  const { round, access } = requireRound(deps, userId, roundId);
  if (access.kind !== 'team') throw forbidden('Alleen het team ziet wie er is uitgenodigd.');
  const store = deps.stores.feedback;
  return {
    teams: store.teamsOfRound(round.id),
    links: store.linksOfRound(round.id).map((link) => ({
      id: link.id,
      label: link.label,
      createdAt: new Date(link.created_at).toISOString(),
      expiresAt: new Date(Math.min(link.expires_at, round.deadline)).toISOString(),
      revokedAt: iso(link.revoked_at),
      uses: link.uses,
    })),
    participants: participants(deps, round),
  };
}

/** POST /api/rounds/:roundId/teams — a whole team reviews (owners; not the document's own team). */
export function inviteTeam(deps: Deps, userId: string, roundId: string, teamId: string): RoundReviewers {
  const { round, access, document } = requireRound(deps, userId, roundId);
  requireTeamCapability(access, 'document.changeStatus', MANAGE_MESSAGE);
  requireStatus(round, 'open', 'Deze feedbackronde is gesloten.');
  const team = deps.stores.teams.get(teamId);
  if (!team) throw new ApiError(400, 'unknown_team', 'Dit team bestaat niet.');
  if (team.id === document.teamId) {
    throw new ApiError(
      400,
      'own_team',
      'Je eigen team geeft geen feedback als reviewer; nodig een ander team uit.',
    );
  }
  const added = deps.stores.feedback.inviteTeam(round.id, team.id, userId);
  if (added) {
    for (const member of deps.stores.teams.members(team.id)) {
      deps.stores.feedback.notify({
        userId: member.userId,
        kind: 'round_invite',
        text: `Je team "${team.name}" is gevraagd om feedback op "${document.title}" (${round.title}).`,
        link: `/ronde/${encodeURIComponent(round.id)}`,
        actorId: userId,
        docId: null,
      });
    }
    deps.stores.audit.record('round.team_invited', {
      teamId: document.teamId,
      actorId: userId,
      details: { roundId: round.id, invitedTeamId: team.id, invitedTeamName: team.name },
    });
  }
  emitFeedbackChange(round.doc_id, { kind: 'round', roundId: round.id });
  return roundReviewers(deps, userId, roundId);
}

/** DELETE /api/rounds/:roundId/teams/:teamId */
export function removeTeam(deps: Deps, userId: string, roundId: string, teamId: string): void {
  const { round, access } = requireRound(deps, userId, roundId);
  requireTeamCapability(access, 'document.changeStatus', MANAGE_MESSAGE);
  requireStatus(round, 'open', 'Deze feedbackronde is gesloten.');
  if (!deps.stores.feedback.removeTeam(round.id, teamId)) throw notFound('Dit team is niet uitgenodigd.');
  emitFeedbackChange(round.doc_id, { kind: 'round', roundId: round.id });
}

const DAY = 24 * 60 * 60 * 1000;

/** POST /api/rounds/:roundId/links — an expiring link for individual reviewers; the token is shown once. */
export function createRoundLink(
  deps: Deps,
  userId: string,
  roundId: string,
  input: { label?: string | undefined; expiresInDays?: number | undefined },
) {
  const { round, access, document } = requireRound(deps, userId, roundId);
  requireTeamCapability(access, 'document.changeStatus', MANAGE_MESSAGE);
  requireStatus(round, 'open', 'Deze feedbackronde is gesloten.');
  const token = generateSecureRandomString(32);
  const id = randomUUID();
  const expiresAt = Math.min(Date.now() + (input.expiresInDays ?? 14) * DAY, round.deadline);
  deps.db.transaction(() => {
    deps.stores.feedback.insertLink({
      id,
      roundId: round.id,
      tokenHash: hashSecret(token),
      label: input.label ?? '',
      createdBy: userId,
      expiresAt,
    });
    deps.stores.audit.record('round.link_created', {
      teamId: document.teamId,
      actorId: userId,
      details: { roundId: round.id, linkId: id, label: input.label ?? '' },
    });
  })();
  return { id, token, url: `/feedback/${token}`, expiresAt: new Date(expiresAt).toISOString() };
}

/** DELETE /api/rounds/:roundId/links/:linkId */
export function revokeRoundLink(deps: Deps, userId: string, roundId: string, linkId: string): void {
  const { round, access } = requireRound(deps, userId, roundId);
  requireTeamCapability(access, 'document.changeStatus', MANAGE_MESSAGE);
  if (!deps.stores.feedback.revokeLink(round.id, linkId))
    throw notFound('Deze link bestaat niet of is al ingetrokken.');
}

function linkState(deps: Deps, token: string) {
  const link = deps.stores.feedback.linkByHash(hashSecret(token));
  closeOverdueRounds(deps);
  const round = link ? deps.stores.feedback.round(link.round_id) : undefined;
  if (!link || !round) return null;
  const status: 'open' | 'expired' | 'revoked' | 'closed' =
    round.status !== 'open'
      ? 'closed'
      : link.revoked_at !== null
        ? 'revoked'
        : link.expires_at <= Date.now()
          ? 'expired'
          : 'open';
  return { link, round, status };
}

/** GET /api/round-links/:token — what the link is for (public: shown before signing up). */
export function describeRoundLink(deps: Deps, token: string) {
  const state = linkState(deps, token);
  if (!state) throw notFound('Deze feedbacklink bestaat niet.');
  const document = deps.stores.documents.get(state.round.doc_id);
  const team = document?.teamId ? deps.stores.teams.get(document.teamId) : undefined;
  return {
    round: {
      id: state.round.id,
      title: state.round.title,
      deadline: new Date(state.round.deadline).toISOString(),
      documentTitle: document?.title ?? '',
      teamName: team?.name ?? '',
    },
    status: state.status,
  };
}

/** POST /api/round-links/:token/accept — the signed-in visitor becomes a reviewer of that round. */
export function acceptRoundLink(deps: Deps, userId: string, token: string): { roundId: string } {
  const state = linkState(deps, token);
  if (!state) throw notFound('Deze feedbacklink bestaat niet.');
  const messages = {
    closed: 'Deze feedbackronde is al gesloten.',
    revoked: 'Deze feedbacklink is ingetrokken.',
    expired: 'Deze feedbacklink is verlopen.',
  } as const;
  if (state.status !== 'open') throw new ApiError(410, `link_${state.status}`, messages[state.status]);
  const store = deps.stores.feedback;
  if (store.addIndividualReviewer(state.round.id, userId, state.link.id)) {
    notifyRoundTeam(deps, state.round, {
      kind: 'round_feedback',
      text: `${deps.stores.users.displayName(userId)} doet mee als reviewer in "${state.round.title}".`,
      actorId: userId,
    });
    emitFeedbackChange(state.round.doc_id, { kind: 'round', roundId: state.round.id });
  }
  return { roundId: state.round.id };
}

/** GET /api/me/rounds — rounds the caller reviews (open and closed). */
export function myReviewRounds(deps: Deps, userId: string): { rounds: Round[] } {
  closeOverdueRounds(deps);
  const rounds = deps.stores.feedback.roundsForReviewer(userId).flatMap((round) => {
    const { access } = requireRound(deps, userId, round.id);
    // Members of the document's own team see it as team, not as a review request.
    return access.kind === 'reviewer' ? [presentRound(deps, round, access)] : [];
  });
  return { rounds };
}

function presentResponses(round: RoundRow, rows: ResponseRow[]) {
  const criteria = new Set(criteriaOf(round).map((criterion) => criterion.id));
  return rows
    .filter((row) => criteria.has(row.criterion_id))
    .map((row): CriterionResponse => ({
      id: row.id,
      criterionId: row.criterion_id,
      author: person(row.user_id, row.user_name),
      score: row.score,
      text: row.text,
      updatedAt: new Date(row.updated_at).toISOString(),
      submittedAt: iso(row.submitted_at),
    }));
}

/** GET /api/rounds/:roundId/responses — the team sees all answers, a reviewer their own. */
export function listResponses(
  deps: Deps,
  userId: string,
  roundId: string,
): { responses: CriterionResponse[] } {
  const { round, access } = requireRound(deps, userId, roundId, { activeReviewer: true });
  const rows = deps.stores.feedback.responses(round.id);
  return {
    responses: presentResponses(
      round,
      access.kind === 'team' ? rows : rows.filter((row) => row.user_id === userId),
    ),
  };
}

/** PUT /api/rounds/:roundId/responses — a reviewer's own answers per criterion (while open). */
export function saveResponses(
  deps: Deps,
  userId: string,
  roundId: string,
  input: {
    answers: Array<{ criterionId: string; score: number | null; text: string }>;
    submit?: boolean | undefined;
  },
): { responses: CriterionResponse[] } {
  const { round, access } = requireRound(deps, userId, roundId, { activeReviewer: true });
  if (access.kind !== 'reviewer') throw forbidden('Alleen reviewers beantwoorden de criteria van een ronde.');
  requireStatus(round, 'open', 'Deze feedbackronde is gesloten.');
  const criteria = new Set(criteriaOf(round).map((criterion) => criterion.id));
  const unknown = input.answers.find((answer) => !criteria.has(answer.criterionId));
  if (unknown) throw new ApiError(400, 'unknown_criterion', 'Een antwoord hoort bij een onbekend criterium.');
  const store = deps.stores.feedback;
  const firstSubmit =
    input.submit === true && !store.submissions(round.id).some((row) => row.user_id === userId);
  deps.db.transaction(() => {
    for (const answer of input.answers) {
      store.upsertResponse({ id: randomUUID(), roundId: round.id, userId, ...answer });
    }
    if (input.submit) store.submit(round.id, userId);
    if (firstSubmit) {
      notifyRoundTeam(deps, round, {
        kind: 'round_feedback',
        text: `${deps.stores.users.displayName(userId)} heeft feedback gegeven in "${round.title}".`,
        actorId: userId,
      });
    }
  })();
  emitFeedbackChange(round.doc_id, { kind: 'round', roundId: round.id });
  return listResponses(deps, userId, roundId);
}

/** POST /api/rounds/:roundId/close — owners; reviewers lose access to the version, triage starts. */
export function closeRound(deps: Deps, userId: string, roundId: string): Round {
  const { round, access, document } = requireRound(deps, userId, roundId);
  requireTeamCapability(access, 'document.changeStatus', MANAGE_MESSAGE);
  requireStatus(round, 'open', 'Deze feedbackronde is al gesloten.');
  deps.db.transaction(() => {
    deps.stores.feedback.closeRound(round.id, userId);
    deps.stores.audit.record('round.closed', {
      teamId: document.teamId,
      actorId: userId,
      details: { roundId: round.id, documentId: round.doc_id },
    });
  })();
  emitFeedbackChange(round.doc_id, { kind: 'round', roundId: round.id });
  return getRound(deps, userId, roundId);
}

/** Every item of a round that needs a triage decision, with its decision so far. */
function summaryItems(deps: Deps, round: RoundRow): SummaryItem[] {
  const store = deps.stores.feedback;
  const triage = new Map(store.triage(round.id).map((row) => [`${row.item_kind}:${row.item_id}`, row]));
  const entry = (kind: 'comment' | 'response', id: string): SummaryItem['triage'] => {
    const row = triage.get(`${kind}:${id}`);
    return row
      ? {
          decision: row.decision,
          reason: row.reason,
          version: row.version_id ? { id: row.version_id, label: row.version_label ?? '' } : null,
          decidedBy: person(row.decided_by, row.decided_by_name),
          decidedAt: new Date(row.decided_at).toISOString(),
        }
      : null;
  };
  const threads = groupThreads(deps, store.roundComments(round.id), null);
  const comments = threads
    // A thread whose every message was deleted has nothing to triage.
    .filter((thread) => thread.messages.some((message) => !message.deleted))
    .map((thread): SummaryItem => {
      const first = thread.messages.find((message) => !message.deleted)!;
      const anchor = thread.anchor;
      return {
        kind: 'comment',
        id: thread.id,
        author: first.author,
        context: anchor ? (anchor.type === 'text' ? anchor.quote : anchor.label) : 'Algemeen',
        text: first.body,
        score: null,
        replies: thread.messages.length - 1,
        triage: entry('comment', thread.id),
      };
    });
  const criteria = new Map(criteriaOf(round).map((criterion) => [criterion.id, criterion.title]));
  const responses = presentResponses(round, store.responses(round.id))
    .filter((response) => response.score !== null || response.text.trim())
    .map((response): SummaryItem => ({
      kind: 'response',
      id: response.id,
      author: response.author,
      context: criteria.get(response.criterionId) ?? '',
      text:
        response.score !== null
          ? `${response.score}/4${response.text ? ` — ${response.text}` : ''}`
          : response.text,
      score: response.score,
      replies: 0,
      triage: entry('response', response.id),
    }));
  return [...comments, ...responses];
}

/** PUT /api/rounds/:roundId/triage — owners and editors decide per item once the round is closed. */
export function triageItem(
  deps: Deps,
  userId: string,
  roundId: string,
  input: {
    itemKind: 'comment' | 'response';
    itemId: string;
    decision: TriageDecision;
    reason: string;
    versionId?: string | null | undefined;
  },
): SummaryItem {
  const { round, access } = requireRound(deps, userId, roundId);
  requireTeamCapability(access, 'document.edit', TRIAGE_MESSAGE);
  if (round.status === 'open')
    throw new ApiError(409, 'round_open', 'Sluit de ronde eerst; daarna begint de triage.');
  if (round.status === 'completed') throw new ApiError(409, 'round_completed', 'Deze ronde is afgerond.');
  const item = summaryItems(deps, round).find(
    (candidate) => candidate.kind === input.itemKind && candidate.id === input.itemId,
  );
  if (!item) throw new ApiError(400, 'unknown_item', 'Dit onderdeel hoort niet bij deze ronde.');
  if (input.versionId && !deps.stores.versions.get(round.doc_id, input.versionId)) {
    throw new ApiError(400, 'unknown_version', 'Deze versie hoort niet bij dit document.');
  }
  deps.stores.feedback.upsertTriage({
    roundId: round.id,
    itemKind: input.itemKind,
    itemId: input.itemId,
    decision: input.decision,
    reason: input.reason,
    versionId: input.versionId ?? null,
    decidedBy: userId,
  });
  emitFeedbackChange(round.doc_id, { kind: 'round', roundId: round.id });
  return summaryItems(deps, round).find(
    (candidate) => candidate.kind === input.itemKind && candidate.id === input.itemId,
  )!;
}

/** POST /api/rounds/:roundId/complete — refused while any item is untriaged. */
export function completeRound(deps: Deps, userId: string, roundId: string): Round {
  const { round, access, document } = requireRound(deps, userId, roundId);
  requireTeamCapability(access, 'document.edit', TRIAGE_MESSAGE);
  requireStatus(
    round,
    'closed',
    round.status === 'open' ? 'Sluit de ronde eerst.' : 'Deze ronde is al afgerond.',
  );
  const open = summaryItems(deps, round).filter((item) => item.triage === null);
  if (open.length > 0) {
    throw new ApiError(
      409,
      'untriaged',
      `Nog ${open.length} ${open.length === 1 ? 'onderdeel' : 'onderdelen'} zonder besluit: geef bij elke reactie en elk antwoord aan wat ermee gebeurt.`,
    );
  }
  const store = deps.stores.feedback;
  deps.db.transaction(() => {
    store.completeRound(round.id, userId);
    deps.stores.audit.record('round.completed', {
      teamId: document.teamId,
      actorId: userId,
      details: { roundId: round.id, documentId: round.doc_id },
    });
    // The reviewers learn what happened with their feedback.
    const seen = new Set<string>();
    for (const reviewer of store.reviewers(round.id)) {
      if (seen.has(reviewer.user_id)) continue;
      seen.add(reviewer.user_id);
      store.notify({
        userId: reviewer.user_id,
        kind: 'round_completed',
        text: `De samenvatting van "${round.title}" staat klaar: lees wat er met de feedback is gebeurd.`,
        link: `/ronde/${encodeURIComponent(round.id)}`,
        actorId: userId,
        docId: null,
      });
    }
  })();
  emitFeedbackChange(round.doc_id, { kind: 'round', roundId: round.id });
  return getRound(deps, userId, roundId);
}

/** GET /api/rounds/:roundId/summary — the team always; reviewers once the round is closed. */
export function roundSummary(deps: Deps, userId: string, roundId: string): RoundSummary {
  const { round, access } = requireRound(deps, userId, roundId);
  if (access.kind === 'reviewer' && round.status === 'open') {
    throw new ApiError(409, 'round_open', 'De samenvatting verschijnt als de ronde is gesloten.');
  }
  const items = summaryItems(deps, round);
  const counts = { total: items.length, triaged: 0 } as RoundSummary['counts'];
  for (const decision of TRIAGE_DECISIONS) counts[decision] = 0;
  for (const item of items) {
    if (!item.triage) continue;
    counts.triaged++;
    counts[item.triage.decision]++;
  }
  return { round: presentRound(deps, round, access), items, counts };
}

/** Markdown-escaped text on one line (a table cell). */
const md = (text: string) => escapeMd(text).replace(/\n+/g, ' ');

/** The summary as Markdown. */
export function summaryMarkdown(summary: RoundSummary): string {
  const { round, items, counts } = summary;
  const lines = [
    `# ${md(round.title)}`,
    '',
    `Feedbackronde op **${md(round.documentTitle)}** (versie: ${md(round.version.label)}) van ${md(round.teamName)}.`,
    `Deadline: ${round.deadline.slice(0, 10)} · status: ${round.status === 'completed' ? 'afgerond' : round.status === 'closed' ? 'triage' : 'open'}.`,
    '',
    `${counts.triaged} van ${counts.total} onderdelen beoordeeld: ${TRIAGE_DECISIONS.map((decision) => `${counts[decision]} ${TRIAGE_LABELS_NL[decision].toLowerCase()}`).join(', ')}.`,
    '',
    '| Soort | Van | Bij | Feedback | Besluit | Reden | Versie |',
    '|---|---|---|---|---|---|---|',
    ...items
      .map((item) =>
        [
          item.kind === 'comment' ? 'Reactie' : 'Criterium',
          md(item.author?.name ?? 'onbekend'),
          md(item.context),
          md(item.text),
          item.triage ? TRIAGE_LABELS_NL[item.triage.decision] : 'nog open',
          md(item.triage?.reason ?? ''),
          md(item.triage?.version?.label ?? ''),
        ].join(' | '),
      )
      .map((row) => `| ${row} |`),
    '',
    'Licentie: CC BY-SA 4.0.',
    '',
  ];
  return lines.join('\n');
}

/** The summary as a print-ready HTML page (for PDF); every user text escaped. */
export function summaryHtml(summary: RoundSummary): string {
  const { round, items, counts } = summary;
  const rows = items
    .map(
      (item) =>
        `<tr><td>${item.kind === 'comment' ? 'Reactie' : 'Criterium'}</td><td>${escapeHtml(item.author?.name ?? 'onbekend')}</td><td>${escapeHtml(item.context)}</td><td>${escapeHtml(item.text)}</td><td>${item.triage ? TRIAGE_LABELS_NL[item.triage.decision] : 'nog open'}</td><td>${escapeHtml(item.triage?.reason ?? '')}</td><td>${escapeHtml(item.triage?.version?.label ?? '')}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>${escapeHtml(round.title)} — samenvatting</title>
<style>@page{size:A4;margin:18mm}body{font:11pt/1.45 system-ui,sans-serif;color:#111}table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:4px 6px;vertical-align:top;text-align:left}th{background:#eee}</style>
</head><body><main>
<h1>${escapeHtml(round.title)}</h1>
<p>Feedbackronde op <strong>${escapeHtml(round.documentTitle)}</strong> (versie: ${escapeHtml(round.version.label)}) van ${escapeHtml(round.teamName)}. Deadline ${escapeHtml(round.deadline.slice(0, 10))}.</p>
<p>${counts.triaged} van ${counts.total} onderdelen beoordeeld.</p>
<table><thead><tr><th scope="col">Soort</th><th scope="col">Van</th><th scope="col">Bij</th><th scope="col">Feedback</th><th scope="col">Besluit</th><th scope="col">Reden</th><th scope="col">Versie</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<p>Licentie: CC BY-SA 4.0.</p>
</main></body></html>
`;
}

/**
 * POST /api/rounds/:roundId/carry-over — the round's open comment threads become threads on the live
 * draft: kept on their characters where those still exist, re-anchored on the quoted text where it
 * was retyped, otherwise losgeraakt (with their quote). Each thread is carried once.
 */
export function carryOver(deps: Deps, userId: string, roundId: string) {
  const { round, access } = requireRound(deps, userId, roundId);
  requireTeamCapability(
    access,
    'document.edit',
    'Alleen eigenaren en bewerkers nemen reacties over in het concept.',
  );
  if (round.status === 'open') throw new ApiError(409, 'round_open', 'Sluit de ronde eerst.');
  const store = deps.stores.feedback;
  const already = new Set(
    store
      .liveComments(round.doc_id)
      .filter((row) => row.carried_from_round === round.id)
      .map((row) => row.carried_from_thread),
  );
  const threads = groupThreads(deps, store.roundComments(round.id), null).filter(
    (thread) =>
      thread.status === 'open' &&
      !already.has(thread.id) &&
      thread.messages.some((message) => !message.deleted),
  );
  let attached = 0;
  let detached = 0;
  readDocument(deps, round.doc_id, (doc) => {
    deps.db.transaction(() => {
      for (const thread of threads) {
        let anchor = thread.anchor;
        if (anchor?.type === 'text') {
          const moved = reanchor(doc, anchor);
          if (moved) {
            anchor = moved;
            attached++;
          } else detached++;
        }
        const rootId = randomUUID();
        thread.messages
          .filter((message) => !message.deleted)
          .forEach((message, index) => {
            store.insertComment({
              id: index === 0 ? rootId : randomUUID(),
              threadId: rootId,
              docId: round.doc_id,
              roundId: null,
              authorId: message.author?.id ?? userId,
              body: message.body,
              anchor: index === 0 ? anchor : null,
              createdAt: Date.parse(message.createdAt),
              carriedFromRound: index === 0 ? round.id : null,
              carriedFromThread: index === 0 ? thread.id : null,
            });
          });
      }
    })();
  });
  emitFeedbackChange(round.doc_id, { kind: 'comments', roundId: null });
  return { carried: threads.length, attached, detached };
}

/** Rule R13 and the *interne toetsing* gate: closed (or completed) rounds on the document. */
export function closedRoundCount(deps: Pick<AppDeps, 'db' | 'stores'>, docId: string): number {
  closeOverdueRounds(deps);
  return deps.stores.feedback.closedRoundCount(docId);
}

/** GET /api/teams-directory — teams to invite as reviewers (name, kind, lab). */
export function teamsDirectory(deps: Deps, query: string | undefined) {
  const q = `%${(query ?? '').trim().replace(/[%_\\]/g, (char) => `\\${char}`)}%`;
  const teams = deps.db
    .prepare<[string, string], { id: string; name: string; kind: string; lab_name: string | null }>(
      `SELECT id, name, kind, lab_name FROM teams WHERE name LIKE ? ESCAPE '\\' OR IFNULL(lab_name, '') LIKE ? ESCAPE '\\'
       ORDER BY name LIMIT 50`,
    )
    .all(q, q);
  return {
    teams: teams.map((team) => ({ id: team.id, name: team.name, kind: team.kind, labName: team.lab_name })),
  };
}

/** GET /api/rounds/:roundId/mentionable — the team and the round's reviewers (for reviewers too). */
export function roundMentionable(deps: Deps, userId: string, roundId: string) {
  const { round, document } = requireRound(deps, userId, roundId, { activeReviewer: true });
  const people = teamPeople(deps, document);
  for (const reviewer of deps.stores.feedback.reviewers(round.id)) {
    people.set(reviewer.user_id, { id: reviewer.user_id, name: reviewer.name });
  }
  return { people: sortedPeople(people) };
}
