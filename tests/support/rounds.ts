import type { ReviewerPerspective } from '../../shared/domain/design/feedback';
import type { Round, RoundSummary } from '../../shared/schemas/rounds';
import { expectJson, type TestServer, type TestUser } from './server';

/**
 * Opens a feedback round on the document as it is now, for a week. A version is saved first; when
 * the document has not changed since its newest version, that version is answered (200) and used.
 */
export async function openRoundNow(
  server: TestServer,
  user: TestUser,
  docId: string,
  title: string,
): Promise<Round> {
  const saved = await server.request('POST', `/api/documents/${docId}/versions`, {
    cookie: user.cookie,
    body: { label: title },
  });
  const version = await expectJson<{ id: string }>(saved, saved.status === 200 ? 200 : 201, 'save a version');
  const deadline = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
  const opened = await server.request('POST', `/api/documents/${docId}/rounds`, {
    cookie: user.cookie,
    body: { versionId: version.id, title, deadline },
  });
  return await expectJson<Round>(opened, 201, 'open a round');
}

/** How `runValidRound` varies from the minimal valid round, to test what R13 refuses. */
export interface RoundSpec {
  /** Default 'Feedbackronde'. */
  title?: string;
  /** The reviewer from outside the team; default a new account "Lea Leraar". */
  reviewer?: TestUser;
  /** Default 'leraar'; null: the reviewer does not respond at all. */
  perspective?: ReviewerPerspective | null;
  /** Default true: every item of the closed round gets a decision. */
  triage?: boolean;
}

/**
 * The minimal round that satisfies R13 (001 l.239): opened by `owner` on the document as it is,
 * joined through a link by a reviewer outside the team, answered and sent with perspective
 * "leraar", closed, and every item triaged. `spec` leaves out a step to get a round R13 refuses.
 */
export async function runValidRound(
  server: TestServer,
  owner: TestUser,
  docId: string,
  spec: RoundSpec = {},
): Promise<Round> {
  const round = await openRoundNow(server, owner, docId, spec.title ?? 'Feedbackronde');
  const perspective = spec.perspective === undefined ? 'leraar' : spec.perspective;
  if (perspective !== null) {
    const reviewer = spec.reviewer ?? (await server.signUp('Lea Leraar'));
    const link = await call<{ token: string }>(
      server,
      owner,
      'POST',
      `/api/rounds/${round.id}/links`,
      {},
      201,
    );
    await call(server, reviewer, 'POST', `/api/round-links/${link.token}/accept`);
    const answers = [{ criterionId: round.criteria[0]!.id, score: 3, text: 'Goed bruikbaar in de klas.' }];
    await call(server, reviewer, 'PUT', `/api/rounds/${round.id}/responses`, {
      answers,
      submit: true,
      perspective,
    });
  }
  await call(server, owner, 'POST', `/api/rounds/${round.id}/close`);
  if (spec.triage === false) return round;
  const summary = await call<RoundSummary>(server, owner, 'GET', `/api/rounds/${round.id}/summary`);
  for (const item of summary.items) {
    await call(server, owner, 'PUT', `/api/rounds/${round.id}/triage`, {
      itemKind: item.kind,
      itemId: item.id,
      decision: 'verwerkt',
      reason: 'Overgenomen in de volgende versie.',
    });
  }
  return round;
}

async function call<T = unknown>(
  server: TestServer,
  user: TestUser,
  method: string,
  path: string,
  body?: unknown,
  status = 200,
): Promise<T> {
  const response = await server.request(method, path, { cookie: user.cookie, ...(body ? { body } : {}) });
  return await expectJson<T>(response, status, `${method} ${path}`);
}
