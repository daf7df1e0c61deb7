import type { InferRequestType, InferResponseType } from 'hono/client';
import type { ClosedRoundEvidence } from '../../../shared/domain/design/feedback';
import type {
  CriterionResponse,
  Round,
  RoundReviewers,
  RoundSummary,
  SummaryItem,
} from '../../../shared/schemas/rounds';
import { api, apiUrl, pathParams } from '../../api/client';
import { ApiError, readJson, responseError } from '../../api/request';

const round = api.rounds[':roundId'];
const documentRounds = api.documents[':docId'].rounds;
const roundLink = api['round-links'][':token'];

/** A criterion as the round forms send it (an existing one keeps its id). */
export type CriterionInput = NonNullable<
  InferRequestType<typeof documentRounds.$post>['json']['criteria']
>[number];

/** GET /api/teams-directory — every team, for inviting reviewers. */
export type DirectoryTeam = InferResponseType<(typeof api)['teams-directory']['$get'], 200>['teams'][number];

/** GET /api/round-links/:token — what an invitation link offers (public). */
export type RoundLinkInfo = InferResponseType<typeof roundLink.$get, 200>;

/** GET /api/documents/:docId/rounds */
export async function listRounds(docId: string): Promise<Round[]> {
  return (await readJson(documentRounds.$get({ param: pathParams({ docId }) }))).rounds;
}

/** GET /api/documents/:docId/rounds — what rule R13 weighs of the closed rounds. */
export async function roundFeedback(docId: string): Promise<ClosedRoundEvidence[]> {
  return (await readJson(documentRounds.$get({ param: pathParams({ docId }) }))).feedback;
}

/** POST /api/documents/:docId/rounds — a round on a saved version. */
export function createRound(
  docId: string,
  body: InferRequestType<typeof documentRounds.$post>['json'],
): Promise<Round> {
  return readJson(documentRounds.$post({ param: pathParams({ docId }), json: body }));
}

/** GET /api/rounds/:roundId */
export function getRound(roundId: string): Promise<Round> {
  return readJson(round.$get({ param: pathParams({ roundId }) }));
}

/** PATCH /api/rounds/:roundId (while open). */
export function updateRound(
  roundId: string,
  body: InferRequestType<typeof round.$patch>['json'],
): Promise<Round> {
  return readJson(round.$patch({ param: pathParams({ roundId }), json: body }));
}

/** GET /api/rounds/:roundId/version — the frozen version's JSON (kind, title, template of a design). */
export function getRoundVersion(roundId: string) {
  return readJson(round.version.$get({ param: pathParams({ roundId }) }));
}

/** Fetches a Yjs update (application/octet-stream) as bytes; errors as ApiError. */
async function fetchState(path: string): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  if (!response.ok) throw await responseError(response);
  return new Uint8Array(await response.arrayBuffer());
}

/** GET /api/rounds/:id/version/state — the Yjs update of the frozen version. */
export function getRoundVersionState(roundId: string): Promise<Uint8Array> {
  return fetchState(apiUrl(round.version.state.$path({ param: pathParams({ roundId }) })));
}

/** GET /api/documents/:docId/versions/:versionId/state — the Yjs update of any saved version. */
export function getVersionState(docId: string, versionId: string): Promise<Uint8Array> {
  const path = api.documents[':id'].versions[':versionId'].state.$path({
    param: pathParams({ id: docId, versionId }),
  });
  return fetchState(apiUrl(path));
}

/** GET /api/rounds/:roundId/reviewers */
export function getReviewers(roundId: string): Promise<RoundReviewers> {
  return readJson(round.reviewers.$get({ param: pathParams({ roundId }) }));
}

/** GET /api/teams-directory?q= */
export async function searchTeams(q: string): Promise<DirectoryTeam[]> {
  return (await readJson(api['teams-directory'].$get({ query: { q } }))).teams;
}

/** POST /api/rounds/:roundId/teams — invites a team as reviewers. */
export function inviteTeam(roundId: string, teamId: string): Promise<RoundReviewers> {
  return readJson(round.teams.$post({ param: pathParams({ roundId }), json: { teamId } }));
}

/** DELETE /api/rounds/:roundId/teams/:teamId */
export function removeTeam(roundId: string, teamId: string): Promise<void> {
  return readJson(round.teams[':teamId'].$delete({ param: pathParams({ roundId, teamId }) }));
}

/** DELETE /api/rounds/:roundId/reviewers/:userId — one reviewer who joined through a link. */
export function removeReviewer(roundId: string, userId: string): Promise<void> {
  return readJson(round.reviewers[':userId'].$delete({ param: pathParams({ roundId, userId }) }));
}

/** POST /api/rounds/:roundId/links — the token is in the answer only once. */
export function createLink(roundId: string, body: InferRequestType<typeof round.links.$post>['json']) {
  return readJson(round.links.$post({ param: pathParams({ roundId }), json: body }));
}

/** DELETE /api/rounds/:roundId/links/:linkId */
export function revokeLink(roundId: string, linkId: string): Promise<void> {
  return readJson(round.links[':linkId'].$delete({ param: pathParams({ roundId, linkId }) }));
}

/** GET /api/round-links/:token */
export function getRoundLink(token: string): Promise<RoundLinkInfo> {
  return readJson(roundLink.$get({ param: pathParams({ token }) }));
}

/** POST /api/round-links/:token/accept — the caller becomes a reviewer. */
export function acceptRoundLink(token: string) {
  return readJson(roundLink.accept.$post({ param: pathParams({ token }) }));
}

/** GET /api/me/rounds — the rounds I review. */
export async function listMyRounds(): Promise<Round[]> {
  return (await readJson(api.me.rounds.$get())).rounds;
}

/** GET /api/rounds/:roundId/responses — my answers per criterion. */
export async function getResponses(roundId: string): Promise<CriterionResponse[]> {
  return (await readJson(round.responses.$get({ param: pathParams({ roundId }) }))).responses;
}

/** PUT /api/rounds/:roundId/responses — saves (and with `submit` sends) my answers. */
export async function saveResponses(
  roundId: string,
  body: InferRequestType<typeof round.responses.$put>['json'],
): Promise<CriterionResponse[]> {
  return (await readJson(round.responses.$put({ param: pathParams({ roundId }), json: body }))).responses;
}

/** POST /api/rounds/:roundId/close */
export function closeRound(roundId: string): Promise<Round> {
  return readJson(round.close.$post({ param: pathParams({ roundId }) }));
}

/** PUT /api/rounds/:roundId/triage — one decision on a comment or response. */
export function triageItem(
  roundId: string,
  body: InferRequestType<typeof round.triage.$put>['json'],
): Promise<SummaryItem> {
  return readJson(round.triage.$put({ param: pathParams({ roundId }), json: body }));
}

/** POST /api/rounds/:roundId/complete */
export function completeRound(roundId: string): Promise<Round> {
  return readJson(round.complete.$post({ param: pathParams({ roundId }) }));
}

/** GET /api/rounds/:roundId/summary */
export function getSummary(roundId: string): Promise<RoundSummary> {
  return readJson(round.summary.$get({ param: pathParams({ roundId }) }));
}

/** The URL of the summary as a Markdown or HTML file. */
export function summaryFileUrl(roundId: string, format: 'md' | 'html'): string {
  const param = pathParams({ roundId });
  return apiUrl(
    format === 'md' ? round['summary.md'].$path({ param }) : round['summary.html'].$path({ param }),
  );
}

/** POST /api/rounds/:roundId/carry-over — open round comments become live-draft comments. */
export function carryOver(roundId: string) {
  return readJson(round['carry-over'].$post({ param: pathParams({ roundId }) }));
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

/** The URL of a document's change events. */
export function documentEventsPath(docId: string): string {
  return apiUrl(api.documents[':docId'].events.$path({ param: pathParams({ docId }) }));
}

/** The URL of a round's change events. */
export function roundEventsPath(roundId: string): string {
  return apiUrl(round.events.$path({ param: pathParams({ roundId }) }));
}
