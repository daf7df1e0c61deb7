import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClosedRoundEvidence } from '../../../shared/domain/design/feedback';
import type { RuleResult } from '../../../shared/domain/design/rules';
import type { DesignStatus } from '../../../shared/domain/lifecycle';
import type { RoundSummary } from '../../../shared/schemas/rounds';
import { internalReviewText } from '../../../shared/editor/designDoc';
import {
  createLabWithRoles,
  expectApiError as expectError,
  getOk,
  LU_1,
  makeDesignGreen,
  pedagogischHandelen,
  publishTemplateVersion,
} from '../../support/designFixtures';
import { runValidRound } from '../../support/rounds';
import { createDesignAt, startTestServer } from '../../support/server';
import type { TestServer, TestUser } from '../../support/server';
import { editDraft } from '../../support/yclient';

/**
 * Rule R13 through the API (001 l.239: feedback from leraren, scholen and opleiders is verplicht;
 * other co-creatieteams come on top): which closed rounds count, the interne toetsing gate it holds,
 * existing offer entering at interne toetsing, the interne-toetsing answers in the projection, and
 * the HOURS_PER_ECTS setting.
 */

let server: TestServer;
let owner: TestUser;
let editor: TestUser;
let outsider: TestUser;
let labId: string;
let versionId: string;

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
});

afterAll(async () => {
  await server?.close();
});

/** A design whose leaving-prototype rules are green, moved to prototype. */
async function prototype(title: string): Promise<string> {
  const docId = await createDesignAt(server.url, owner, { teamId: labId, templateId: versionId, title });
  await editDraft(server.wsUrl, docId, editor, (doc) => makeDesignGreen(doc, ['lu-1']));
  expect((await move(docId, 'prototype')).status).toBe(200);
  return docId;
}

const move = (docId: string, to: DesignStatus) =>
  server.request('POST', `/api/designs/${docId}/status`, { cookie: owner.cookie, body: { to } });

async function r13(docId: string): Promise<RuleResult> {
  const { results } = await getOk<{ results: RuleResult[] }>(server, `/api/designs/${docId}/checks`, owner);
  return results.find((result) => result.ruleId === 'R13')!;
}

async function expectR13Refuses(docId: string, message: RegExp): Promise<void> {
  expect(await r13(docId)).toMatchObject({ status: 'fail', message: expect.stringMatching(message) });
  await expectError(await move(docId, 'interne-toetsing'), 400, 'transition_refused');
}

describe('R13 in GET /api/designs/:id/checks', () => {
  it('a round closed without submitted responses does not count', async () => {
    const docId = await prototype('Lege ronde');
    await expectR13Refuses(docId, /Nog nodig.*Er is nog geen afgesloten feedbackronde\.$/);
    await runValidRound(server, owner, docId, { title: 'Snel dicht', perspective: null });
    await expectR13Refuses(
      docId,
      /Nog nodig: een ingediende reactie van een leraar.*"Snel dicht" is afgesloten zonder/,
    );
  });

  it('a teacher’s response with untriaged items does not count until every item is triaged', async () => {
    const docId = await prototype('Ongetrieerd');
    const round = await runValidRound(server, owner, docId, { title: 'Juni', triage: false });
    await expectR13Refuses(docId, /^1 feedbackpunt nog niet verwerkt in ronde "Juni"/);
    // What the editor's live checks read: the same evidence.
    const listed = await getOk<{ feedback: ClosedRoundEvidence[] }>(
      server,
      `/api/documents/${docId}/rounds`,
      owner,
    );
    expect(listed.feedback).toEqual([{ title: 'Juni', perspectives: ['leraar'], untriaged: 1 }]);
    const summary = await getOk<RoundSummary>(server, `/api/rounds/${round.id}/summary`, owner);
    expect(summary.perspectives).toMatchObject({ leraar: 1, school: 0 });
    expect(summary.items.map((item) => item.perspective)).toEqual(['leraar']);
    const [item] = summary.items;
    const triaged = await server.request('PUT', `/api/rounds/${round.id}/triage`, {
      cookie: owner.cookie,
      body: { itemKind: item!.kind, itemId: item!.id, decision: 'deels-verwerkt', reason: 'Deels.' },
    });
    expect(triaged.status).toBe(200);
    expect(await r13(docId)).toMatchObject({
      status: 'pass',
      message: 'Ronde "Juni": feedback van leraar, elk feedbackpunt beoordeeld.',
    });
    expect((await move(docId, 'interne-toetsing')).status).toBe(200);
  });

  it('feedback counts only from outside the team: a reviewer who joins the team no longer counts', async () => {
    const docId = await prototype('Van buiten');
    const reviewer = await server.signUp('Lars Leraar');
    await runValidRound(server, owner, docId, { title: 'Buiten', reviewer });
    expect((await r13(docId)).status).toBe('pass');
    await server.addMember(owner, labId, reviewer, 'editor');
    await expectR13Refuses(docId, /Nog nodig: een ingediende reactie van een leraar/);
  });

  it.each(['cocreatieteam', 'anders'] as const)(
    'only a reviewer with perspective "%s" does not count; a teacher in a later round does, the other as extra',
    async (perspective) => {
      const docId = await prototype(`Alleen ${perspective}`);
      await runValidRound(server, owner, docId, { title: 'Collega’s', perspective });
      await expectR13Refuses(docId, /"Collega’s" had alleen reacties van: .* \(die tellen als aanvulling\)/);
      await runValidRound(server, owner, docId, { title: 'Leraren', perspective: 'school' });
      const passing = await r13(docId);
      expect(passing.status).toBe('pass');
      expect(passing.message).toMatch(/^Ronde "Leraren": feedback van school/);
      if (perspective === 'cocreatieteam')
        expect(passing.message).toMatch(/Daarnaast feedback van een ander co-creatieteam/);
      expect((await move(docId, 'interne-toetsing')).status).toBe(200);
    },
  );
});

describe('existing offer: POST /api/designs with origin "bestaand"', () => {
  interface StatusView {
    status: DesignStatus;
    history: Array<{ from: string; to: string; note: string | null }>;
  }

  it('starts at interne toetsing with the move in its history, is shown as existing offer, and R13 asks for feedback on the material', async () => {
    const created = await server.request('POST', '/api/designs', {
      cookie: owner.cookie,
      body: { teamId: labId, templateId: versionId, title: 'Bestaande cursus', origin: 'bestaand' },
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const status = await getOk<StatusView>(server, `/api/designs/${id}/status`, owner);
    expect(status.status).toBe('interne-toetsing');
    expect(status.history).toEqual([
      expect.objectContaining({
        from: 'globaal-ontwerp',
        to: 'interne-toetsing',
        note: expect.stringMatching(/Bestaand aanbod/),
      }),
    ]);
    expect(await getOk(server, `/api/designs/${id}`, owner)).toMatchObject({ origin: 'bestaand' });
    expect((await r13(id)).message).toMatch(/op het bestaande materiaal/);
  });

  it('without origin a design starts as globaal ontwerp; an unknown origin is 400; an outsider 403', async () => {
    const id = await createDesignAt(server.url, owner, { teamId: labId, templateId: versionId });
    expect((await getOk<StatusView>(server, `/api/designs/${id}/status`, owner)).status).toBe(
      'globaal-ontwerp',
    );
    expect(await getOk(server, `/api/designs/${id}`, owner)).toMatchObject({ origin: 'nieuw' });
    expect((await r13(id)).message).not.toMatch(/bestaande materiaal/);
    const body = { teamId: labId, templateId: versionId, title: 'X' };
    await expectError(
      await server.request('POST', '/api/designs', {
        cookie: owner.cookie,
        body: { ...body, origin: 'oud' },
      }),
      400,
      'invalid_body',
    );
    await expectError(
      await server.request('POST', '/api/designs', {
        cookie: outsider.cookie,
        body: { ...body, origin: 'bestaand' },
      }),
      403,
      'forbidden',
    );
  });
});

describe('interne toetsing answers', () => {
  it('are in the document and in the JSON projection exports read', async () => {
    const id = await createDesignAt(server.url, owner, { teamId: labId, templateId: versionId });
    await editDraft(server.wsUrl, id, editor, (doc) =>
      internalReviewText(doc, 'vraagarticulatie').insert(0, 'Vooral behoefte aan klassenmanagement.'),
    );
    const exported = await server.request('GET', `/api/designs/${id}/export?format=json`, {
      cookie: owner.cookie,
    });
    expect(exported.status).toBe(200);
    const json = (await exported.json()) as { design: { interneToetsing: Record<string, string> } };
    expect(json.design.interneToetsing).toEqual({
      vraagarticulatie: 'Vooral behoefte aan klassenmanagement.',
      bestaandAanbod: '',
      opwerken: '',
      direct: '',
    });
  });
});

describe('HOURS_PER_ECTS', () => {
  it('28 by default; a server set to 25 compares hours and ECTS with 25 and tells the client', async () => {
    const id = await prototype('Omvang');
    expect(await getOk(server, `/api/designs/${id}`, owner)).toMatchObject({ hoursPerEcts: 28 });
    const checks = await getOk<{ studyLoad: { statedHours: number } }>(
      server,
      `/api/designs/${id}/checks`,
      owner,
    );
    expect(checks.studyLoad.statedHours).toBe(4 * 28);

    const other = await startTestServer({ HOURS_PER_ECTS: '25' });
    try {
      const atelier = await other.owner();
      const user = await other.signUp('Olga Omvang');
      const lab = await other.createTeam(user, { name: 'Lab 25', kind: 'cocreatieteam' });
      const version = await publishTemplateVersion(other, atelier, {
        title: 'Startende leraren',
        sectors: ['vo'],
        nlqfLevel: 5,
        themes: [pedagogischHandelen(LU_1)],
      });
      const docId = await createDesignAt(other.url, user, { teamId: lab, templateId: version.versionId });
      await editDraft(other.wsUrl, docId, user, (doc) => makeDesignGreen(doc, ['lu-1']));
      expect(await getOk(other, `/api/designs/${docId}`, user)).toMatchObject({ hoursPerEcts: 25 });
      const load = await getOk<{ studyLoad: { statedHours: number } }>(
        other,
        `/api/designs/${docId}/checks`,
        user,
      );
      expect(load.studyLoad.statedHours).toBe(4 * 25);
    } finally {
      await other.close();
    }
  });
});
