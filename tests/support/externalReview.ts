import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { EXAMPLE_CRITERIA } from '../../shared/domain/review';
import { runValidRound } from './rounds';
import type { TestServer, TestUser } from './server';

/**
 * Externe toetsing in tests: an administrator's toetsingscommissie with a reviewer, and the
 * committee's approval or rejection of a design through the real routes.
 */

/** A toetsingscommissie: its owner (an administrator), a reviewer (editor) and the team id. */
export interface Committee {
  teamId: string;
  admin: TestUser;
  reviewer: TestUser;
}

/** Marks `user` a platform administrator, as `npm run admin -- make-admin` does. */
export async function makeAdmin(server: TestServer, user: TestUser): Promise<void> {
  await server.running.deps.stores.users.makeAdmin(user.id);
}

/** Creates a toetsingscommissie through the API (its creator made admin first) with one reviewer. */
export async function createCommittee(
  server: TestServer,
  name = 'Toetsingscommissie NAPL',
): Promise<Committee> {
  const [admin, reviewer] = await Promise.all([
    server.signUp('Ada Beheerder'),
    server.signUp('Rik Beoordelaar'),
  ]);
  await makeAdmin(server, admin);
  const response = await server.request('POST', '/api/teams', {
    cookie: admin.cookie,
    body: { name, kind: 'toetsingscommissie' },
  });
  const text = await response.text();
  expect(response.status, text).toBe(201);
  const { id: teamId } = JSON.parse(text) as { id: string };
  await server.addMember(admin, teamId, reviewer, 'editor');
  return { teamId, admin, reviewer };
}

const committees = new WeakMap<TestServer, Promise<Committee>>();

/** The one committee of this server, created on first use (tests that need no second one share it). */
export function sharedCommittee(server: TestServer): Promise<Committee> {
  let committee = committees.get(server);
  if (!committee) {
    committee = createCommittee(server);
    committees.set(server, committee);
  }
  return committee;
}

/**
 * Makes R13 pass the way the API does: a feedback round on the design with a submitted answer of a
 * leraar from outside the team, closed and fully triaged (tests/support/rounds.ts).
 */
export async function closeARound(server: TestServer, owner: TestUser, docId: string): Promise<void> {
  await runValidRound(server, owner, docId, { title: 'Feedback leraren' });
}

/**
 * Test shortcut: puts a design in external review with the shared committee without rounds — the
 * status written straight into the database and a submission (no frozen version) in the queue.
 */
export async function forceSubmission(
  server: TestServer,
  owner: TestUser,
  docId: string,
): Promise<Committee> {
  const committee = await sharedCommittee(server);
  await server.running.deps.database.db
    .updateTable('designs')
    .set({ status: 'aangemeld-externe-toetsing' })
    .where('doc_id', '=', docId)
    .execute();
  await server.running.deps.stores.reviews.insert({
    id: randomUUID(),
    docId,
    reviewTeamId: committee.teamId,
    versionId: null,
    criteria: EXAMPLE_CRITERIA,
    submittedBy: owner.id,
  });
  return committee;
}

/** The open submission of a design (its id), through the design team's route. */
export async function openAssignmentId(server: TestServer, user: TestUser, docId: string): Promise<string> {
  const response = await server.request('GET', `/api/reviews/design/${docId}`, { cookie: user.cookie });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  const open = (JSON.parse(text) as Array<{ id: string; state: string }>).find(
    (entry) => entry.state === 'open',
  );
  expect(open, 'no open submission').toBeDefined();
  return open!.id;
}

/** The reviewer judges every criterion with `verdict` (200 expected). */
export async function judgeAll(
  server: TestServer,
  reviewer: TestUser,
  assignmentId: string,
  verdict: 'voldoet' | 'voldoet-niet' | 'nvt' = 'voldoet',
): Promise<void> {
  const detail = await server.request('GET', `/api/reviews/${assignmentId}`, { cookie: reviewer.cookie });
  const { criteria } = (await detail.json()) as { criteria: Array<{ id: string }> };
  const response = await server.request('PUT', `/api/reviews/${assignmentId}/judgements`, {
    cookie: reviewer.cookie,
    body: { judgements: criteria.map((criterion) => ({ criterionId: criterion.id, verdict, note: '' })) },
  });
  expect(response.status, await response.text()).toBe(200);
}

/** The committee's reviewer decides a submitted design through the status route (200 expected). */
export async function decide(
  server: TestServer,
  committee: Committee,
  owner: TestUser,
  docId: string,
  decision: 'goedgekeurd' | 'afgekeurd',
  note?: string,
): Promise<void> {
  const assignmentId = await openAssignmentId(server, owner, docId);
  await judgeAll(
    server,
    committee.reviewer,
    assignmentId,
    decision === 'goedgekeurd' ? 'voldoet' : 'voldoet-niet',
  );
  const response = await server.request('POST', `/api/designs/${docId}/status`, {
    cookie: committee.reviewer.cookie,
    body: { to: decision, ...(note ? { note } : {}) },
  });
  expect(response.status, await response.text()).toBe(200);
}

/**
 * Approves a design the way the platform does: in the shared committee's queue (forced, past R13),
 * judged and approved by its reviewer, which freezes the catalog copy. `owner` is in the design team.
 */
export async function approveThroughCommittee(
  server: TestServer,
  owner: TestUser,
  docId: string,
): Promise<void> {
  const committee = await forceSubmission(server, owner, docId);
  await decide(server, committee, owner, docId, 'goedgekeurd');
}
