import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CriterionResponse, Round, RoundSummary } from '../../../shared/schemas/rounds';
import { openRoundNow } from '../../support/rounds';
import { expectJson, startTestServer, type TestServer, type TestUser } from '../../support/server';

/**
 * The answers of a round come in the round's criteria order (contract), per criterion by reviewer
 * name, however they were saved: one save writes a reviewer's answers in the same millisecond
 * under random ids, so save time and id say nothing about the order.
 */

let server: TestServer;
let owner: TestUser;
let round: Round;
const reviewers: TestUser[] = [];

async function as<T>(user: TestUser, method: string, path: string, body?: unknown, status = 200) {
  const response = await server.request(method, path, { cookie: user.cookie, body });
  return expectJson<T>(response, status, `${method} ${path}`);
}

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signUp('Olga Eigenaar');
  const teamId = await server.createTeam(owner, { name: 'Lab Noord', kind: 'cocreatieteam' });
  const docId = (
    await as<{ id: string }>(owner, 'POST', '/api/documents', { teamId, title: 'Prototype' }, 201)
  ).id;
  round = await openRoundNow(server, owner, docId, 'Ronde');
  expect(round.criteria.length).toBeGreaterThanOrEqual(3);
  const link = await as<{ token: string }>(owner, 'POST', `/api/rounds/${round.id}/links`, {}, 201);
  // Signed up Zoë first, so neither sign-up order nor save order matches the expected name order.
  for (const name of ['Zoë Zwart', 'Anne Appel']) {
    const reviewer = await server.signUp(name);
    await as(reviewer, 'POST', `/api/round-links/${link.token}/accept`);
    // The last criterion first: one request, every answer in the same millisecond.
    const answers = [...round.criteria].reverse().map((criterion) => ({
      criterionId: criterion.id,
      score: 3,
      text: `${name} over ${criterion.title}`,
    }));
    await as(reviewer, 'PUT', `/api/rounds/${round.id}/responses`, {
      answers,
      submit: true,
      perspective: 'leraar',
    });
    reviewers.push(reviewer);
  }
});

afterAll(async () => {
  await server?.close();
});

/** Criterion title and reviewer name per answer, in the order expected: criteria, then names. */
function expectedOrder(): string[] {
  return round.criteria.flatMap((criterion) =>
    ['Anne Appel', 'Zoë Zwart'].map((name) => `${name} over ${criterion.title}`),
  );
}

describe('the order of a round’s answers', () => {
  it('GET /api/rounds/:id/responses lists them in criteria order, per criterion by reviewer', async () => {
    const { responses } = await as<{ responses: CriterionResponse[] }>(
      owner,
      'GET',
      `/api/rounds/${round.id}/responses`,
    );
    expect(responses.map((response) => response.text)).toEqual(expectedOrder());
  });

  it('a reviewer’s own answers come in criteria order too', async () => {
    const { responses } = await as<{ responses: CriterionResponse[] }>(
      reviewers[0]!,
      'GET',
      `/api/rounds/${round.id}/responses`,
    );
    expect(responses.map((response) => response.criterionId)).toEqual(round.criteria.map((c) => c.id));
  });

  it('the summary lists the answers in the same order', async () => {
    await as(owner, 'POST', `/api/rounds/${round.id}/close`);
    const summary = await as<RoundSummary>(owner, 'GET', `/api/rounds/${round.id}/summary`);
    const answers = summary.items.filter((item) => item.kind === 'response');
    expect(answers.map((item) => `${item.author?.name} over ${item.context}`)).toEqual(expectedOrder());
  });
});
