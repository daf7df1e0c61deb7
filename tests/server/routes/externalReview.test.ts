import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DesignStatus } from '../../../shared/domain/lifecycle';
import { EXAMPLE_CRITERIA, EXAMPLE_FRAME_NOTICE_NL } from '../../../shared/domain/review';
import {
  createLabWithRoles,
  expectApiError as expectError,
  forceDesignStatus,
  getOk,
  LU_1,
  makeDesignGreen,
  pedagogischHandelen,
  publishTemplateVersion,
} from '../../support/designFixtures';
import {
  closeARound,
  createCommittee,
  judgeAll,
  makeAdmin,
  openAssignmentId,
  type Committee,
} from '../../support/externalReview';
import { countLogRows, createDesignAt, startTestServer } from '../../support/server';
import type { TestServer, TestUser } from '../../support/server';
import { connectSynced, editDraft, setDesignText, type TestClient } from '../../support/yclient';

/**
 * Independent externe toetsing (issue 22): a toetsingscommissie (created by an administrator) gets
 * submitted designs in its queue, judges them per criterion of its quality frame and decides; only
 * its decision publishes. The submitting team cannot decide (403), withdraws, and reworks against
 * the report. "Past niet" parks a design read-only.
 */

let server: TestServer;
let owner: TestUser;
let editor: TestUser;
let outsider: TestUser;
let labId: string;
let versionId: string;
let committee: Committee;
const clients: TestClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  const atelierOwner = await server.owner();
  ({ labId, owner, editor, outsider } = await createLabWithRoles(server, 'Co-creatielab Oost'));
  ({ versionId } = await publishTemplateVersion(server, atelierOwner, {
    title: 'Startende leraren',
    sectors: ['vo'],
    nlqfLevel: 5,
    themes: [pedagogischHandelen(LU_1)],
  }));
  committee = await createCommittee(server);
});

afterAll(async () => {
  await server?.close();
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

const move = (docId: string, user: { cookie: string }, body: Record<string, unknown>) =>
  server.request('POST', `/api/designs/${docId}/status`, { cookie: user.cookie, body });

const statusOf = async (docId: string) =>
  (await getOk<{ status: DesignStatus }>(server, `/api/designs/${docId}/status`, owner)).status;

/** A green design with a closed feedback round, in interne toetsing: ready to submit. */
async function readyToSubmit(title = 'Klimaat in de klas'): Promise<string> {
  const docId = await createDesignAt(server.url, owner, { teamId: labId, templateId: versionId, title });
  await editDraft(server.wsUrl, docId, editor, (doc) => makeDesignGreen(doc, ['lu-1']));
  await forceDesignStatus(server, docId, 'prototype');
  await closeARound(server, owner, docId);
  expect((await move(docId, owner, { to: 'interne-toetsing' })).status).toBe(200);
  return docId;
}

const submit = (docId: string, body: Record<string, unknown> = {}) =>
  move(docId, owner, { to: 'aangemeld-externe-toetsing', outcome: 'voldoet', ...body });

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
    await expectError(await move(docId, outsider, { to: 'goedgekeurd' }), 403, 'review_team_only');
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

describe('past niet parks the design', () => {
  it('read-only: a socket edit is not applied and document.edit answers 409; the owner reopens it', async () => {
    const docId = await readyToSubmit('Geparkeerd');
    expect(
      (
        await move(docId, owner, {
          to: 'geparkeerd',
          outcome: 'past-niet',
          note: 'Geen passend ontwikkelpad.',
        })
      ).status,
    ).toBe(200);
    expect(await statusOf(docId)).toBe('geparkeerd');
    const client = await connectSynced(server.wsUrl, docId, { cookie: editor.cookie, durable: true });
    clients.push(client);
    const before = await countLogRows(server.dataDir, docId);
    setDesignText(client.doc, 'evcApproach', 'Toch gewijzigd.');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await countLogRows(server.dataDir, docId)).toBe(before);
    const upgrade = await server.request('POST', `/api/designs/${docId}/upgrade`, {
      cookie: owner.cookie,
      body: { toVersionId: versionId },
    });
    await expectError(upgrade, 409, 'read_only', /geparkeerd/);
    expect((await move(docId, editor, { to: 'prototype' })).status).toBe(403);
    expect((await move(docId, owner, { to: 'prototype' })).status).toBe(200);
  });
});

describe('quality frame', () => {
  const frameUrl = () => `/api/reviews/teams/${committee.teamId}/frame`;

  it('the example frame is marked as such; only the owner edits it; new submissions use it', async () => {
    const frame = await getOk<{ example: boolean; criteria: Array<{ id: string }> }>(
      server,
      frameUrl(),
      committee.reviewer,
    );
    expect(frame.example).toBe(true);
    expect(frame.criteria.map((criterion) => criterion.id)).toEqual(
      EXAMPLE_CRITERIA.map((criterion) => criterion.id),
    );
    expect(EXAMPLE_FRAME_NOTICE_NL).toMatch(
      /Voorbeeldkader — de criteria van het Kwaliteitskader NAPL staan niet in de bronnen/,
    );
    const body = { criteria: [{ id: 'doel', title: 'Doel helder', description: '' }, { title: 'Bewijs' }] };
    await expectError(
      await server.request('PUT', frameUrl(), { cookie: committee.reviewer.cookie, body }),
      403,
      'forbidden',
    );
    await expectError(
      await server.request('PUT', frameUrl(), { cookie: committee.admin.cookie, body: { criteria: [] } }),
      400,
      'invalid_body',
    );
    const saved = await server.request('PUT', frameUrl(), { cookie: committee.admin.cookie, body });
    expect(saved.status, await saved.clone().text()).toBe(200);
    expect(await saved.json()).toMatchObject({
      example: false,
      criteria: [{ id: 'doel' }, { title: 'Bewijs' }],
    });
    const docId = await readyToSubmit('Nieuw kader');
    expect((await submit(docId)).status).toBe(200);
    const assignmentId = await openAssignmentId(server, owner, docId);
    const detail = await getOk<{ criteria: Array<{ title: string }> }>(
      server,
      `/api/reviews/${assignmentId}`,
      committee.reviewer,
    );
    expect(detail.criteria.map((criterion) => criterion.title)).toEqual(['Doel helder', 'Bewijs']);
  });

  it('404 for a team that is no toetsingscommissie; 403 for a non-member', async () => {
    await expectError(
      await server.request('GET', `/api/reviews/teams/${labId}/frame`, { cookie: owner.cookie }),
      404,
      'not_found',
    );
    await expectError(await server.request('GET', frameUrl(), { cookie: outsider.cookie }), 403, 'forbidden');
  });
});

describe('several committees', () => {
  it('reviewTeamId is required when two exist (400), and names the queue', async () => {
    const second = await createCommittee(server, 'Toetsingscommissie Zuid');
    const docId = await readyToSubmit('Keuze');
    await expectError(await submit(docId), 400, 'review_team_required', /kies/);
    await expectError(await submit(docId, { reviewTeamId: labId }), 400, 'review_team_unknown');
    expect(await statusOf(docId)).toBe('interne-toetsing');
    expect((await submit(docId, { reviewTeamId: second.teamId })).status).toBe(200);
    const queue = await getOk<Array<{ docId: string }>>(
      server,
      `/api/reviews/teams/${second.teamId}/queue`,
      second.reviewer,
    );
    expect(queue.map((entry) => entry.docId)).toEqual([docId]);
    // The first committee cannot decide on the second's submission.
    await expectError(await move(docId, committee.reviewer, { to: 'goedgekeurd' }), 403, 'review_team_only');
  });
});
