import type {
  CriterionResponse,
  Round,
  RoundReviewers,
  RoundSummary,
  SummaryItem,
  TriageDecision,
} from '../../shared/schemas/feedback';
import type { VersionProjection } from '../../shared/domain/versions/projection';
import { ApiError, requestJson } from './request';

const enc = encodeURIComponent;

/** A criterion as the round forms send it (an existing one keeps its id). */
export interface CriterionInput {
  id?: string;
  title: string;
  description?: string;
}

/** GET /api/teams-directory — every team, for inviting reviewers. */
export interface DirectoryTeam {
  id: string;
  name: string;
  kind: string;
  labName: string | null;
}

/** GET /api/round-links/:token — what an invitation link offers (public). */
export interface RoundLinkInfo {
  round: { id: string; title: string; deadline: string; documentTitle: string; teamName: string };
  status: 'open' | 'expired' | 'revoked' | 'closed';
}

export function listRounds(docId: string): Promise<Round[]> {
  return requestJson<{ rounds: Round[] }>(`/api/documents/${enc(docId)}/rounds`).then((body) => body.rounds);
}

export function createRound(
  docId: string,
  body: {
    versionId: string;
    title: string;
    description?: string;
    deadline: string;
    criteria?: CriterionInput[];
  },
): Promise<Round> {
  return requestJson<Round>(`/api/documents/${enc(docId)}/rounds`, { method: 'POST', body });
}

export function getRound(roundId: string): Promise<Round> {
  return requestJson<Round>(`/api/rounds/${enc(roundId)}`);
}

export function updateRound(
  roundId: string,
  body: { title?: string; description?: string; deadline?: string; criteria?: CriterionInput[] },
): Promise<Round> {
  return requestJson<Round>(`/api/rounds/${enc(roundId)}`, { method: 'PATCH', body });
}

/** The frozen version's JSON (kind, title, template of a design). */
export function getRoundVersion(
  roundId: string,
): Promise<{ version: { id: string; label: string; createdAt: string }; projection: VersionProjection }> {
  return requestJson(`/api/rounds/${enc(roundId)}/version`);
}

/** Fetches a Yjs update (application/octet-stream) as bytes; errors as ApiError. */
async function fetchState(path: string): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { code?: string; message?: string };
    } | null;
    throw new ApiError(response.status, body?.error?.code ?? 'http', body?.error?.message ?? '');
  }
  return new Uint8Array(await response.arrayBuffer());
}

/** GET /api/rounds/:id/version/state — the Yjs update of the frozen version. */
export function getRoundVersionState(roundId: string): Promise<Uint8Array> {
  return fetchState(`/api/rounds/${enc(roundId)}/version/state`);
}

/** GET /api/documents/:docId/versions/:versionId/state — the Yjs update of any saved version. */
export function getVersionState(docId: string, versionId: string): Promise<Uint8Array> {
  return fetchState(`/api/documents/${enc(docId)}/versions/${enc(versionId)}/state`);
}

export function getReviewers(roundId: string): Promise<RoundReviewers> {
  return requestJson<RoundReviewers>(`/api/rounds/${enc(roundId)}/reviewers`);
}

export function searchTeams(q: string): Promise<DirectoryTeam[]> {
  return requestJson<{ teams: DirectoryTeam[] }>(`/api/teams-directory?q=${enc(q)}`).then(
    (body) => body.teams,
  );
}

export function inviteTeam(roundId: string, teamId: string): Promise<RoundReviewers> {
  return requestJson<RoundReviewers>(`/api/rounds/${enc(roundId)}/teams`, {
    method: 'POST',
    body: { teamId },
  });
}

export function removeTeam(roundId: string, teamId: string): Promise<void> {
  return requestJson<void>(`/api/rounds/${enc(roundId)}/teams/${enc(teamId)}`, { method: 'DELETE' });
}

export function createLink(
  roundId: string,
  body: { label?: string; expiresInDays?: number },
): Promise<{ id: string; token: string; url: string }> {
  return requestJson(`/api/rounds/${enc(roundId)}/links`, { method: 'POST', body });
}

export function revokeLink(roundId: string, linkId: string): Promise<void> {
  return requestJson<void>(`/api/rounds/${enc(roundId)}/links/${enc(linkId)}`, { method: 'DELETE' });
}

export function getRoundLink(token: string): Promise<RoundLinkInfo> {
  return requestJson<RoundLinkInfo>(`/api/round-links/${enc(token)}`);
}

export function acceptRoundLink(token: string): Promise<{ roundId: string }> {
  return requestJson<{ roundId: string }>(`/api/round-links/${enc(token)}/accept`, { method: 'POST' });
}

export function listMyRounds(): Promise<Round[]> {
  return requestJson<{ rounds: Round[] }>('/api/me/rounds').then((body) => body.rounds);
}

export function getResponses(roundId: string): Promise<CriterionResponse[]> {
  return requestJson<{ responses: CriterionResponse[] }>(`/api/rounds/${enc(roundId)}/responses`).then(
    (body) => body.responses,
  );
}

export function saveResponses(
  roundId: string,
  body: { answers: Array<{ criterionId: string; score: number | null; text: string }>; submit?: boolean },
): Promise<CriterionResponse[]> {
  return requestJson<{ responses: CriterionResponse[] }>(`/api/rounds/${enc(roundId)}/responses`, {
    method: 'PUT',
    body,
  }).then((result) => result.responses);
}

export function closeRound(roundId: string): Promise<Round> {
  return requestJson<Round>(`/api/rounds/${enc(roundId)}/close`, { method: 'POST' });
}

export function triageItem(
  roundId: string,
  body: {
    itemKind: 'comment' | 'response';
    itemId: string;
    decision: TriageDecision;
    reason: string;
    versionId?: string | null;
  },
): Promise<SummaryItem> {
  return requestJson<SummaryItem>(`/api/rounds/${enc(roundId)}/triage`, { method: 'PUT', body });
}

export function completeRound(roundId: string): Promise<Round> {
  return requestJson<Round>(`/api/rounds/${enc(roundId)}/complete`, { method: 'POST' });
}

export function getSummary(roundId: string): Promise<RoundSummary> {
  return requestJson<RoundSummary>(`/api/rounds/${enc(roundId)}/summary`);
}

export function summaryFileUrl(roundId: string, format: 'md' | 'html'): string {
  return `/api/rounds/${enc(roundId)}/summary.${format}`;
}

export function carryOver(roundId: string): Promise<{ carried: number; attached: number; detached: number }> {
  return requestJson(`/api/rounds/${enc(roundId)}/carry-over`, { method: 'POST' });
}

/**
 * Follows `/api/documents/:docId/events` (or a round's events): calls `onChange` for every
 * `changed` event. EventSource reconnects by itself; returns the unsubscribe.
 */
export function subscribeEvents(path: string, onChange: () => void): () => void {
  if (typeof EventSource === 'undefined') return () => undefined;
  const source = new EventSource(path, { withCredentials: true });
  source.addEventListener('changed', onChange);
  return () => source.close();
}

export function documentEventsPath(docId: string): string {
  return `/api/documents/${enc(docId)}/events`;
}

export function roundEventsPath(roundId: string): string {
  return `/api/rounds/${enc(roundId)}/events`;
}
