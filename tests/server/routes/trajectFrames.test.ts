import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuleResult } from '../../../shared/domain/design/rules';
import {
  createLab,
  expectApiError,
  getOk,
  LU_1,
  LU_2,
  pedagogischHandelen,
} from '../../support/designFixtures';
import * as fixtures from '../../support/designFixtures';
import { trajectWithForeignItem } from '../../support/foreignItem';
import {
  createDesignAt,
  createTrajectAt,
  startTestServer,
  type TestOwner,
  type TestServer,
  type TestUser,
} from '../../support/server';
import { editDraft, setDesignMeta, type DesignMetaFields } from '../../support/yclient';

/**
 * A traject's rules between its items: R8 compares each design's own placement with the traject's
 * steps and groups; R9 asks the owner to record the agreement with another provider (001 l.283);
 * the study load counts alternatives as a range.
 */

let server: TestServer;
let atelierOwner: TestOwner;
let owner: TestUser;
let editor: TestUser;
let labId: string;
let versionId: string;

beforeAll(async () => {
  server = await startTestServer();
  atelierOwner = await server.owner();
  [owner, editor] = await Promise.all([server.signUp('Olga Eigenaar'), server.signUp('Eef Bewerker')]);
  labId = await createLab(server, owner, 'Co-creatielab Oost', [[editor, 'editor']]);
  ({ versionId } = await fixtures.publishTemplateVersion(server, atelierOwner, {
    title: 'Startende leraren',
    sectors: ['vo'],
    nlqfLevel: 5,
    themes: [pedagogischHandelen(LU_1, LU_2)],
  }));
});

afterAll(async () => {
  await server?.close();
});

interface View {
  checks: RuleResult[];
  agreements: string[];
  totals: { ects: number; ectsMax: number; hours: number; hoursMax: number };
}

const view = (trajectId: string) => getOk<View>(server, `/api/trajects/${trajectId}`, editor);
const rule = (data: View, ruleId: string) => data.checks.filter((result) => result.ruleId === ruleId);

async function design(title: string, meta: DesignMetaFields): Promise<string> {
  const id = await createDesignAt(server.url, owner, { teamId: labId, templateId: versionId, title });
  await editDraft(server.wsUrl, id, owner, (doc) => setDesignMeta(doc, meta));
  return id;
}

async function traject(items: Array<{ designId: string; alternativeGroup?: string }>): Promise<string> {
  const id = await createTrajectAt(server.url, owner, { teamId: labId, templateVersionId: versionId });
  const response = await server.request('PUT', `/api/trajects/${id}/items`, {
    cookie: owner.cookie,
    body: { items },
  });
  expect(response.status, await response.text()).toBe(200);
  return id;
}

describe('R8 between design and traject, and the study load', () => {
  it('a horizontal design as a vertical step and a duplicate stap 1 fail; a group of alternatives passes', async () => {
    const first = await design('Eerste', { placementType: 'verticaal', position: 1, ects: 3 });
    const again = await design('Ook eerste', { placementType: 'verticaal', position: 1, ects: 3 });
    const team = await design('Teamleren', { placementType: 'horizontaal', learningForm: 'team', ects: 4 });
    const alone = await design('Individueel', {
      placementType: 'horizontaal',
      learningForm: 'individueel',
      ects: 5,
    });

    const wrong = await view(await traject([{ designId: first }, { designId: again }, { designId: team }]));
    expect(rule(wrong, 'R8').map((result) => [result.status, result.target.itemId])).toEqual([
      ['fail', team],
      ['fail', again],
    ]);
    expect(rule(wrong, 'R8')[0]!.message).toMatch(/„Teamleren” is horizontaal/);
    expect(rule(wrong, 'R8')[1]!.message).toMatch(/Stap 1 komt 2 keer voor/);

    const right = await view(
      await traject([
        { designId: first },
        { designId: team, alternativeGroup: 'Leervorm' },
        { designId: alone, alternativeGroup: 'Leervorm' },
      ]),
    );
    expect(rule(right, 'R8')).toMatchObject([{ status: 'pass', gate: 'publishing-traject' }]);
    // One step of 3 ECTS, then a choice of 4 or 5: 7–8, not 12.
    expect(right.totals).toMatchObject({ ects: 7, ectsMax: 8 });
  });
});

describe('PUT /api/trajects/:id/agreements/:designId (R9, 001 l.283)', () => {
  let trajectId: string;
  let foreignId: string;
  beforeAll(async () => {
    ({ trajectId, designId: foreignId } = await trajectWithForeignItem(server, owner, labId, versionId));
  });

  const put = (designId: string, confirmed: unknown, user?: { cookie: string }) =>
    server.request('PUT', `/api/trajects/${trajectId}/agreements/${designId}`, {
      ...(user ? { cookie: user.cookie } : {}),
      body: { confirmed },
    });

  it('401 without a session', async () => {
    await expectApiError(await put(foreignId, true), 401, 'unauthenticated');
  });

  it('403 for a user without access: an editor (recording it is the owner’s)', async () => {
    await expectApiError(await put(foreignId, true, editor), 403, 'forbidden');
  });

  it('400 without a yes or no; 404 for a design not in the traject', async () => {
    await expectApiError(await put(foreignId, 'ja', owner), 400, 'invalid_body');
    await expectApiError(await put('nope', true, owner), 404, 'not_found');
  });

  it('400 for an item of the own team: no agreement needed', async () => {
    const own = await design('Eigen', {});
    const ownTraject = await traject([{ designId: own }]);
    const response = await server.request('PUT', `/api/trajects/${ownTraject}/agreements/${own}`, {
      cookie: owner.cookie,
      body: { confirmed: true },
    });
    await expectApiError(response, 400, 'no_agreement_needed');
    expect(rule(await view(ownTraject), 'R9')).toMatchObject([{ status: 'pass' }]);
  });

  it('R9 fails until the owner records the agreement, and again once it is withdrawn', async () => {
    const before = rule(await view(trajectId), 'R9');
    expect(before).toMatchObject([{ status: 'fail', kind: 'must', gate: 'publishing-traject' }]);
    expect(before[0]!.message).toContain('„Geleend arrangement” (Co-creatielab West)');

    const response = await put(foreignId, true, owner);
    const text = await response.text();
    expect(response.status, text).toBe(200);
    const agreed = JSON.parse(text) as View;
    expect(agreed.agreements).toEqual([foreignId]);
    expect(rule(agreed, 'R9')).toMatchObject([{ status: 'pass' }]);
    // Idempotent.
    expect((await put(foreignId, true, owner)).status).toBe(200);

    expect(rule((await (await put(foreignId, false, owner)).json()) as View, 'R9')[0]!.status).toBe('fail');
  });

  it('approval names the missing agreement', async () => {
    await server.running.deps.database.db
      .updateTable('trajects')
      .set({ status: 'aangemeld-externe-toetsing' })
      .where('id', '=', trajectId)
      .execute();
    const refused = await server.request('POST', `/api/trajects/${trajectId}/status`, {
      cookie: owner.cookie,
      body: { to: 'goedgekeurd' },
    });
    await expectApiError(refused, 400, 'transition_refused', /afspraak met de aanbieder/);
    // Frozen with the external review: no agreement can be added or withdrawn meanwhile.
    await expectApiError(await put(foreignId, true, owner), 409, 'read_only');
  });
});
