import { randomUUID } from 'node:crypto';
import type { BrowserContext } from 'playwright-core';
import { EXAMPLE_CRITERIA } from '../../shared/domain/review';
import { api, createTeamViaApi, newSignedInContext, type BrowserHarness, type TestUser } from './helpers';

/** A toetsingscommissie in the browser tests: its owner (an administrator) signed in. */
export interface BrowserCommittee {
  teamId: string;
  context: BrowserContext;
  user: TestUser;
}

const committees = new WeakMap<BrowserHarness, Promise<BrowserCommittee>>();

/** An administrator (made so in the database, as `npm run admin -- make-admin` does) and their committee. */
export async function createCommittee(harness: BrowserHarness, name = 'Rik'): Promise<BrowserCommittee> {
  const { context, user } = await newSignedInContext(harness, name);
  await harness.server.deps.stores.users.makeAdmin(user.id);
  const teamId = await createTeamViaApi(
    context,
    harness.server.url,
    'Toetsingscommissie NAPL',
    'toetsingscommissie',
  );
  return { teamId, context, user };
}

/** The harness's one committee, created on first use. */
export function sharedCommittee(harness: BrowserHarness): Promise<BrowserCommittee> {
  let committee = committees.get(harness);
  if (!committee) {
    committee = createCommittee(harness);
    committees.set(harness, committee);
  }
  return committee;
}

/**
 * Approves a design as the platform does, for tests that only need it in the catalog: put in the
 * committee's queue by a database write (past R13), judged and approved by the committee's owner
 * through the API.
 */
export async function approveViaCommittee(harness: BrowserHarness, designId: string): Promise<void> {
  const committee = await sharedCommittee(harness);
  const { deps, url } = harness.server;
  await deps.database.db
    .updateTable('designs')
    .set({ status: 'aangemeld-externe-toetsing' })
    .where('doc_id', '=', designId)
    .execute();
  const assignmentId = randomUUID();
  await deps.stores.reviews.insert({
    id: assignmentId,
    docId: designId,
    reviewTeamId: committee.teamId,
    versionId: null,
    criteria: EXAMPLE_CRITERIA,
    submittedBy: committee.user.id,
  });
  await api(committee.context, url, 'PUT', `/api/reviews/${assignmentId}/judgements`, {
    judgements: EXAMPLE_CRITERIA.map((criterion) => ({ criterionId: criterion.id, verdict: 'voldoet' })),
  });
  await api(committee.context, url, 'POST', `/api/designs/${designId}/status`, { to: 'goedgekeurd' });
}
