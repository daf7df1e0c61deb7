import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CRITERIA } from '../../../shared/domain/review';
import { expectApiError as expectError, getOk } from '../../support/designFixtures';
import { judgeAll, makeAdmin, openAssignmentId, type Committee } from '../../support/externalReview';
import { startTestServer, type TestServer, type TestUser } from '../../support/server';
import { reviewWorld, type ReviewWorld } from './reviewWorld';

/**
 * Independent externe toetsing (issue 22): a toetsingscommissie (created by an administrator) gets
 * submitted designs in its queue, judges them per criterion and decides; only its decision
 * publishes. The submitting team cannot decide (403), withdraws, and reworks against the report.
 * Parking, the quality frame and several committees: externalReviewFrame.test.ts.
 */

let server: TestServer;
let world: ReviewWorld;
let owner: TestUser;
let editor: TestUser;
let outsider: TestUser;
let committee: Committee;

beforeAll(async () => {
  server = await startTestServer();
  world = await reviewWorld(server);
  ({ owner, editor, outsider, committee } = world);
});

afterAll(async () => {
  await server?.close();
});

const move: ReviewWorld['move'] = (...args) => world.move(...args);
const statusOf: ReviewWorld['statusOf'] = (docId) => world.statusOf(docId);
const readyToSubmit: ReviewWorld['readyToSubmit'] = (title) => world.readyToSubmit(title);
const submit: ReviewWorld['submit'] = (docId, body) => world.submit(docId, body);

async function catalogIds(): Promise<string[]> {
  const body = await getOk<{ items: Array<{ id: string }> }>(server, '/api/catalog');
  return body.items.map((item) => item.id);
}

interface Notification {
  kind: string;
  text: string;
  link: string;
}
const notificationsOf = async (user: TestUser) =>
  (await getOk<{ items: Notification[] }>(server, '/api/notifications', user)).items;

describe('POST /api/teams with kind toetsingscommissie', () => {
  it('401 without a session', async () => {
    const response = await server.request('POST', '/api/teams', {
      body: { name: 'Commissie', kind: 'toetsingscommissie' },
    });
    expect(response.status).toBe(401);
  });

  it('403 for anyone but an administrator (admin_only); no team is made', async () => {
    const before = await getOk<unknown[]>(server, '/api/teams', outsider);
    await expectError(
      await server.request('POST', '/api/teams', {
        cookie: outsider.cookie,
        body: { name: 'Eigen commissie', kind: 'toetsingscommissie' },
      }),
      403,
      'admin_only',
      /beheerder/,
    );
    expect(await getOk<unknown[]>(server, '/api/teams', outsider)).toEqual(before);
    const { mayCreate } = await getOk<{ mayCreate: boolean }>(server, '/api/reviews/committees', outsider);
    expect(mayCreate).toBe(false);
  });

  it('201 for an administrator, who sees mayCreate; members are added as in any team', async () => {
    const admin = await server.signUp('Beheerder Twee');
    await makeAdmin(server, admin);
    expect(await getOk<{ mayCreate: boolean }>(server, '/api/reviews/committees', admin)).toMatchObject({
      mayCreate: true,
    });
    // The shared committee of this file was made the same way (support/externalReview.ts).
    const team = await getOk<{ kind: string; capabilities: string[] }>(
      server,
      `/api/teams/${committee.teamId}`,
      committee.reviewer,
    );
    expect(team.kind).toBe('toetsingscommissie');
    expect(team.capabilities).toContain('review.decide');
  });
});

describe('submitting, judging and deciding', () => {
  it('the submitting team cannot approve or reject (403) and the design stays out of the catalog; the committee approves and it is published', async () => {
    const docId = await readyToSubmit();
    expect((await submit(docId)).status).toBe(200);
    expect(await statusOf(docId)).toBe('aangemeld-externe-toetsing');
    // The committee's queue has it, with the version the move froze.
    const queue = await getOk<Array<{ id: string; docId: string; state: string }>>(
      server,
      `/api/reviews/teams/${committee.teamId}/queue`,
      committee.reviewer,
    );
    expect(queue[0]).toMatchObject({ docId, state: 'open' });
    const assignmentId = queue[0]!.id;
    const detail = await getOk<{ version: { label: string; json: unknown } | null; criteria: unknown[] }>(
      server,
      `/api/reviews/${assignmentId}`,
      committee.reviewer,
    );
    expect(detail.version?.label).toBe('Aangemeld voor externe toetsing (Voldoet)');
    expect(detail.criteria).toHaveLength(EXAMPLE_CRITERIA.length);
    // The committee's members are told.
    expect((await notificationsOf(committee.reviewer))[0]).toMatchObject({
      kind: 'design_submitted',
      link: `/toetsing/${assignmentId}`,
    });
    // The design team reads the queue entry of its own design but not the committee's page.
    await expectError(
      await server.request('GET', `/api/reviews/${assignmentId}`, { cookie: owner.cookie }),
      403,
      'forbidden',
    );

    await judgeAll(server, committee.reviewer, assignmentId);
    for (const user of [owner, editor]) {
      for (const to of ['goedgekeurd', 'afgekeurd']) {
        await expectError(await move(docId, user, { to, note: 'Zelf beslist.' }), 403, 'review_team_only');
      }
    }
    // An outsider hears only that they have no access, as for any other move of the design.
    await expectError(await move(docId, outsider, { to: 'goedgekeurd' }), 403, 'forbidden');
    expect(await statusOf(docId)).toBe('aangemeld-externe-toetsing');
    expect(await catalogIds()).not.toContain(docId);

    const approved = await move(docId, committee.reviewer, { to: 'goedgekeurd' });
    expect(approved.status, await approved.clone().text()).toBe(200);
    expect(await statusOf(docId)).toBe('goedgekeurd');
    expect(await catalogIds()).toContain(docId);
    expect((await notificationsOf(owner))[0]).toMatchObject({ kind: 'design_decided' });
    expect((await notificationsOf(owner))[0]?.text).toMatch(/goedgekeurd/);
  });

  it('a reviewer who is also in the submitting team may not judge or decide (403 reviewer_conflict)', async () => {
    const docId = await readyToSubmit('Dubbele pet');
    await server.addMember(committee.admin, committee.teamId, editor, 'editor');
    try {
      expect((await submit(docId)).status).toBe(200);
      const assignmentId = await openAssignmentId(server, owner, docId);
      await expectError(
        await server.request('PUT', `/api/reviews/${assignmentId}/judgements`, {
          cookie: editor.cookie,
          body: { judgements: [{ criterionId: 'bewijs', verdict: 'voldoet' }] },
        }),
        403,
        'reviewer_conflict',
      );
      await expectError(await move(docId, editor, { to: 'goedgekeurd' }), 403, 'reviewer_conflict');
    } finally {
      await server.request('DELETE', `/api/teams/${committee.teamId}/members/${editor.id}`, {
        cookie: committee.admin.cookie,
      });
    }
  });

  it('judgements: 400 on a bad body or an unknown criterion; deciding needs every criterion judged', async () => {
    const docId = await readyToSubmit('Half beoordeeld');
    expect((await submit(docId)).status).toBe(200);
    const assignmentId = await openAssignmentId(server, owner, docId);
    const put = (body: unknown) =>
      server.request('PUT', `/api/reviews/${assignmentId}/judgements`, {
        cookie: committee.reviewer.cookie,
        body,
      });
    await expectError(
      await put({ judgements: [{ criterionId: 'bewijs', verdict: 'prima' }] }),
      400,
      'invalid_body',
    );
    await expectError(await put({ judgements: [] }), 400, 'invalid_body', /minstens één/);
    await expectError(
      await put({ judgements: [{ criterionId: 'onbekend', verdict: 'voldoet' }] }),
      400,
      'unknown_criterion',
    );
    expect(
      (await put({ judgements: [{ criterionId: 'bewijs', verdict: 'voldoet-niet', note: 'Dun.' }] })).status,
    ).toBe(200);
    await expectError(
      await move(docId, committee.reviewer, { to: 'afgekeurd', note: 'x' }),
      400,
      'criteria_unjudged',
    );
    await judgeAll(server, committee.reviewer, assignmentId, 'voldoet');
    expect(
      (await put({ judgements: [{ criterionId: 'bewijs', verdict: 'voldoet-niet', note: 'Dun.' }] })).status,
    ).toBe(200);
    await expectError(
      await move(docId, committee.reviewer, { to: 'goedgekeurd' }),
      400,
      'approval_with_failures',
    );
    await expectError(
      await move(docId, committee.reviewer, { to: 'afgekeurd' }),
      400,
      'transition_refused',
      /toelichting/,
    );
    expect(await statusOf(docId)).toBe('aangemeld-externe-toetsing');
  });

  it('a rejection returns the design with the report; the team ticks items off, reworks and resubmits (a new submission)', async () => {
    const docId = await readyToSubmit('Opnieuw');
    expect((await submit(docId)).status).toBe(200);
    const first = await openAssignmentId(server, owner, docId);
    await judgeAll(server, committee.reviewer, first, 'voldoet');
    await server.request('PUT', `/api/reviews/${first}/judgements`, {
      cookie: committee.reviewer.cookie,
      body: {
        judgements: [{ criterionId: 'bewijs', verdict: 'voldoet-niet', note: 'Geen bewijs voor LU 1.' }],
      },
    });
    expect(
      (await move(docId, committee.reviewer, { to: 'afgekeurd', note: 'Bewijs ontbreekt.' })).status,
    ).toBe(200);
    expect(await statusOf(docId)).toBe('afgekeurd');
    expect(await catalogIds()).not.toContain(docId);

    type Report = Array<{
      id: string;
      state: string;
      report: string | null;
      criteria: Array<{ id: string; verdict: string | null; note: string; addressedAt: string | null }>;
    }>;
    const [report] = await getOk<Report>(server, `/api/reviews/design/${docId}`, editor);
    expect(report).toMatchObject({ id: first, state: 'afgekeurd', report: 'Bewijs ontbreekt.' });
    expect(report!.criteria.find((criterion) => criterion.id === 'bewijs')).toMatchObject({
      verdict: 'voldoet-niet',
      note: 'Geen bewijs voor LU 1.',
      addressedAt: null,
    });
    const tick = (user: TestUser) =>
      server.request('PUT', `/api/reviews/design/${docId}/${first}/bewijs`, {
        cookie: user.cookie,
        body: { addressed: true },
      });
    await expectError(await tick(outsider), 403, 'forbidden');
    expect((await tick(editor)).status).toBe(204);
    const [ticked] = await getOk<Report>(server, `/api/reviews/design/${docId}`, owner);
    expect(ticked!.criteria.find((criterion) => criterion.id === 'bewijs')?.addressedAt).not.toBeNull();

    // Rework goes through prototype and interne toetsing again; resubmitting makes a new submission.
    expect((await move(docId, owner, { to: 'prototype' })).status).toBe(200);
    expect((await move(docId, owner, { to: 'interne-toetsing' })).status).toBe(200);
    expect((await submit(docId)).status).toBe(200);
    const second = await openAssignmentId(server, owner, docId);
    expect(second).not.toBe(first);
    expect(
      (await getOk<Report>(server, `/api/reviews/design/${docId}`, owner)).map((entry) => entry.state),
    ).toEqual(['open', 'afgekeurd']);
  });

  it('withdraw: the owner takes it back to interne toetsing, it leaves the queue and the committee can no longer decide', async () => {
    const docId = await readyToSubmit('Terug');
    expect((await submit(docId)).status).toBe(200);
    const assignmentId = await openAssignmentId(server, owner, docId);
    expect((await move(docId, editor, { to: 'interne-toetsing' })).status).toBe(403);
    expect((await move(docId, owner, { to: 'interne-toetsing' })).status).toBe(200);
    expect(await statusOf(docId)).toBe('interne-toetsing');
    const queue = await getOk<Array<{ id: string }>>(
      server,
      `/api/reviews/teams/${committee.teamId}/queue`,
      committee.reviewer,
    );
    expect(queue.map((entry) => entry.id)).not.toContain(assignmentId);
    await expectError(await move(docId, committee.reviewer, { to: 'goedgekeurd' }), 403, 'forbidden');
    await expectError(
      await server.request('PUT', `/api/reviews/${assignmentId}/judgements`, {
        cookie: committee.reviewer.cookie,
        body: { judgements: [{ criterionId: 'bewijs', verdict: 'voldoet' }] },
      }),
      409,
      'review_closed',
    );
  });
});
