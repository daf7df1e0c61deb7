import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DesignCertificate, TrajectCertificate } from '../../../shared/domain/certificate';
import { evidenceText } from '../../../shared/editor/designDoc';
import { setFollowsTeamEvc } from '../../../shared/editor/evcReference';
import * as fixtures from '../../support/designFixtures';
import { createDesignAt, createTrajectAt, startTestServer } from '../../support/server';
import type { TestOwner, TestServer, TestUser } from '../../support/server';
import { docxDocumentXml } from '../../support/unzip';
import { editDraft, setDesignMeta, setDesignText, toggleOutcome } from '../../support/yclient';

/**
 * Certificates of a leerarrangement and of a traject (JSON model, print HTML, docx), derived from
 * the committed design state, and the team's EVC procedure the certificates refer to.
 */

let server: TestServer;
let atelierOwner: TestOwner;
let cast: fixtures.LabCast;
let versionId: string;
let designId: string;
let secondId: string;
let alternativeId: string;
let trajectId: string;

const LU_3 = { id: 'lu-3', code: 'LU 3', title: 'Differentiëren <b>', description: '' };
const XSS = '<script>alert(1)</script>';
const PROCEDURE = {
  recognition: 'Een portfoliogesprek met twee beoordelaars.\n\nOf een leerweg-onafhankelijke toets.',
  coverage: 'LU 1 en LU 2',
  followUp: 'Wie LU 1 al beheerst, volgt alleen het tweede deel.',
};

async function design(
  title: string,
  outcomeIds: string[],
  ects: number,
  edit?: Parameters<typeof editDraft>[3],
) {
  const docId = await createDesignAt(server.url, cast.owner, {
    teamId: cast.labId,
    templateId: versionId,
    title,
  });
  await editDraft(server.wsUrl, docId, cast.owner, (doc) => {
    doc.transact(() => outcomeIds.forEach((id) => toggleOutcome(doc, id, true)));
    setDesignMeta(doc, { ects });
    edit?.(doc);
  });
  return docId;
}

const get = (path: string, user?: TestUser) =>
  server.request('GET', path, user ? { cookie: user.cookie } : {});
const putEvc = (user: TestUser | undefined, body: unknown) =>
  server.request('PUT', `/api/teams/${cast.labId}/evc-procedure`, {
    ...(user ? { cookie: user.cookie } : {}),
    body,
  });

beforeAll(async () => {
  server = await startTestServer();
  atelierOwner = await server.owner();
  cast = await fixtures.createLabWithRoles(server, 'Co-creatielab Noord');
  const patched = await server.request('PATCH', `/api/teams/${cast.labId}`, {
    cookie: cast.owner.cookie,
    body: { lab: 'Lab Noord', consortium: 'EC Noord-Nederland' },
  });
  expect(patched.status, await patched.text()).toBe(200);
  ({ versionId } = await fixtures.publishTemplateVersion(server, atelierOwner, {
    title: 'Startende leraren',
    sectors: ['vo'],
    nlqfLevel: 5,
    themes: [fixtures.pedagogischHandelen(fixtures.LU_1, fixtures.LU_2, LU_3)],
  }));
  designId = await design(`Klassenklimaat ${XSS}`, ['lu-1', 'lu-3'], 3.5, (doc) => {
    evidenceText(doc, 'lu-1').insert(0, `Lesobservatie met kijkwijzer ${XSS}`);
    setDesignText(doc, 'evcApproach', 'Daarnaast: een eigen lesvideo telt mee.');
    setFollowsTeamEvc(doc, true);
  });
  secondId = await design('Feedback in de klas', ['lu-2'], 3);
  alternativeId = await design('Feedback in het team', ['lu-2'], 5);
  trajectId = await createTrajectAt(server.url, cast.owner, {
    teamId: cast.labId,
    templateVersionId: versionId,
  });
  const items = await server.request('PUT', `/api/trajects/${trajectId}/items`, {
    cookie: cast.owner.cookie,
    body: {
      items: [
        { designId },
        { designId: secondId, alternativeGroup: 'Stap 2' },
        { designId: alternativeId, alternativeGroup: 'Stap 2' },
      ],
    },
  });
  expect(items.status, await items.text()).toBe(200);
});

afterAll(async () => {
  await server?.close();
});

describe('EVC procedure per team', () => {
  it('401 without a session', async () => {
    expect((await get(`/api/teams/${cast.labId}/evc-procedure`)).status).toBe(401);
    expect((await putEvc(undefined, PROCEDURE)).status).toBe(401);
  });

  it('403 for a user without access, and for a viewer or commenter who tries to write it', async () => {
    await fixtures.expectApiError(
      await get(`/api/teams/${cast.labId}/evc-procedure`, cast.outsider),
      403,
      'forbidden',
    );
    for (const user of [cast.outsider, cast.viewer, cast.commenter]) {
      await fixtures.expectApiError(await putEvc(user, PROCEDURE), 403, 'forbidden');
    }
    const view = await fixtures.getOk<{ procedure: unknown; canEdit: boolean }>(
      server,
      `/api/teams/${cast.labId}/evc-procedure`,
      cast.viewer,
    );
    expect(view).toMatchObject({ procedure: null, canEdit: false });
  });

  it('an editor writes it, every member reads it, and the team trail records it', async () => {
    const saved = await putEvc(cast.editor, PROCEDURE);
    expect(saved.status, await saved.clone().text()).toBe(200);
    expect(await saved.json()).toMatchObject({ procedure: PROCEDURE, canEdit: true });
    const read = await fixtures.getOk<{ procedure: unknown; updatedAt: string; canEdit: boolean }>(
      server,
      `/api/teams/${cast.labId}/evc-procedure`,
      cast.commenter,
    );
    expect(read).toMatchObject({ procedure: PROCEDURE, canEdit: false });
    expect(Date.parse(read.updatedAt)).not.toBeNaN();
    const audit = await fixtures.getOk<{ events: Array<{ action: string }> } | Array<{ action: string }>>(
      server,
      `/api/teams/${cast.labId}/audit`,
      cast.owner,
    );
    const events = Array.isArray(audit) ? audit : audit.events;
    expect(events.map((event) => event.action)).toContain('team.evc_updated');
  });

  it('400 for a field longer than the limit or an unknown field', async () => {
    await fixtures.expectApiError(
      await putEvc(cast.owner, { ...PROCEDURE, coverage: 'x'.repeat(20_001) }),
      400,
      'invalid_body',
    );
    await fixtures.expectApiError(await putEvc(cast.owner, { ...PROCEDURE, extra: 1 }), 400, 'invalid_body');
  });
});

describe('GET /api/designs/:id/certificate', () => {
  const path = () => `/api/designs/${designId}/certificate`;

  it('401 without a session, 403 for a user without access, 400 for an unknown format', async () => {
    expect((await get(path())).status).toBe(401);
    await fixtures.expectApiError(await get(path(), cast.outsider), 403, 'forbidden');
    await fixtures.expectApiError(await get(`${path()}?format=pdf`, cast.owner), 400, 'invalid_query');
  });

  it('404 for a document that is not a leerarrangement', async () => {
    const docId = await server.createDocument({ title: 'Notities' });
    await fixtures.expectApiError(
      await get(`/api/designs/${docId}/certificate`, atelierOwner),
      404,
      'not_found',
    );
  });

  it('is the model derived from the design, for any member (viewer too)', async () => {
    await putEvc(cast.owner, PROCEDURE);
    const certificate = await fixtures.getOk<DesignCertificate>(server, path(), cast.viewer);
    expect(certificate).toMatchObject({
      kind: 'leerarrangement',
      title: `Klassenklimaat ${XSS}`,
      outcomes: [
        {
          id: 'lu-1',
          code: 'LU 1',
          title: 'Veilig leerklimaat',
          evidence: `Lesobservatie met kijkwijzer ${XSS}`,
        },
        { id: 'lu-3', code: 'LU 3', title: 'Differentiëren <b>', evidence: '' },
      ],
      studyLoad: { ects: 3.5, hours: 98, hoursPerEcts: 28 },
      nlqfLevel: 5,
      issuer: { team: 'Co-creatielab Noord', lab: 'Lab Noord', consortium: 'EC Noord-Nederland' },
      frame: { title: 'Startende leraren', version: expect.any(String) },
      evc: {
        followsTeamProcedure: true,
        teamProcedure: PROCEDURE,
        designText: 'Daarnaast: een eigen lesvideo telt mee.',
      },
      recipient: { participantName: null, issuedOn: null },
    });
  });

  it('prints as one escaped HTML page with the outcomes, the EVC procedure and place-holders', async () => {
    const response = await get(`${path()}?format=html`, cast.owner);
    const html = await response.text();
    expect(response.status, html).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-disposition')).toMatch(
      /^inline; filename="certificaat-Klassenklimaat-script-alert-1-script\.html"$/,
    );
    expect(html).toContain('<html lang="nl">');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;');
    expect(html).toMatch(/<td>LU 1<\/td><td>Veilig leerklimaat<\/td><td>Lesobservatie met kijkwijzer/);
    expect(html).toContain('Differentiëren &#60;b&#62;');
    expect(html).toContain('3,5 ECTS (98 uur, 28 uur per ECTS)');
    expect(html).toContain('Dit leerarrangement volgt de EVC-procedure van Co-creatielab Noord.');
    expect(html).toContain('<p>Of een leerweg-onafhankelijke toets.</p>');
    expect(html).toContain('Daarnaast: een eigen lesvideo telt mee.');
    expect(html).toMatch(/<dt>Naam deelnemer<\/dt><dd>_{10,}<\/dd>/);
    expect(html).toContain('Namens EC Noord-Nederland');
  });

  it('downloads as a Word document holding the same content', async () => {
    const response = await get(`${path()}?format=docx`, cast.owner);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.docx"$/);
    const xml = docxDocumentXml(await response.arrayBuffer());
    for (const text of [
      'Certificaat: Klassenklimaat &lt;script&gt;',
      'Veilig leerklimaat',
      'Differentiëren &lt;b&gt;',
      '3,5 ECTS (98 uur, 28 uur per ECTS)',
      'Een portfoliogesprek met twee beoordelaars.',
      'Adaptief vervolg',
      'Naam deelnemer',
    ]) {
      expect(xml).toContain(text);
    }
  });

  it("the design's own export says that it follows the team's procedure", async () => {
    const markdown = await (await get(`/api/designs/${designId}/export?format=md`, cast.owner)).text();
    expect(markdown).toMatch(
      /Volgt de EVC-procedure van het team\.\s+Daarnaast: een eigen lesvideo telt mee\./,
    );
    const other = await (await get(`/api/designs/${secondId}/export?format=md`, cast.owner)).text();
    expect(other).not.toContain('Volgt de EVC-procedure');
  });

  it("leaves the team's procedure out once the design no longer follows it, and keeps its own text", async () => {
    await editDraft(server.wsUrl, secondId, cast.owner, (doc) =>
      setDesignText(doc, 'evcApproach', 'Eigen toets.'),
    );
    const certificate = await fixtures.getOk<DesignCertificate>(
      server,
      `/api/designs/${secondId}/certificate`,
      cast.owner,
    );
    expect(certificate.evc).toMatchObject({ followsTeamProcedure: false, designText: 'Eigen toets.' });
    const html = await (await get(`/api/designs/${secondId}/certificate?format=html`, cast.owner)).text();
    expect(html).toContain('Eigen toets.');
    expect(html).not.toContain('portfoliogesprek');
  });
});

describe('GET /api/trajects/:id/certificate', () => {
  const path = () => `/api/trajects/${trajectId}/certificate`;

  it('401 without a session, 403 for a user without access', async () => {
    expect((await get(path())).status).toBe(401);
    await fixtures.expectApiError(await get(path(), cast.outsider), 403, 'forbidden');
  });

  it('joins the part-certificates: every leeruitkomst covered, one route of study load', async () => {
    const certificate = await fixtures.getOk<TrajectCertificate>(server, path(), cast.viewer);
    expect(certificate.parts.map((part) => [part.certificate.title, part.alternativeGroup])).toEqual([
      [`Klassenklimaat ${XSS}`, null],
      ['Feedback in de klas', 'Stap 2'],
      ['Feedback in het team', 'Stap 2'],
    ]);
    expect(certificate.outcomes.map((outcome) => [outcome.code, outcome.coveredBy])).toEqual([
      ['LU 1', [0]],
      ['LU 2', [1, 2]],
      ['LU 3', [0]],
    ]);
    expect(certificate.complete).toBe(true);
    // 3.5 + one of (3, 5): never 11.5, the sum of both alternatives.
    expect(certificate.studyLoad).toMatchObject({
      ects: { min: 6.5, max: 8.5 },
      hours: { min: 182, max: 238 },
    });
    expect(certificate.evcProcedure).toEqual(PROCEDURE);
  });

  it('prints and downloads with every part and the route range', async () => {
    const html = await (await get(`${path()}?format=html`, cast.owner)).text();
    expect(html).toContain(
      '6,5–8,5 ECTS (182–238 uur, 28 uur per ECTS, afhankelijk van de gekozen leerarrangementen)',
    );
    expect(html).toMatch(
      /<td>LU 2<\/td><td>Feedback geven<\/td><td>Feedback in de klas; Feedback in het team<\/td>/,
    );
    expect(html).toContain('keuze binnen Stap 2');
    expect(html).not.toContain('<script>');
    const xml = docxDocumentXml(await (await get(`${path()}?format=docx`, cast.owner)).arrayBuffer());
    for (const text of ['Deelcertificaten', 'Feedback in het team', '6,5–8,5 ECTS', 'Adaptief vervolg']) {
      expect(xml).toContain(text);
    }
  });

  it("takes another team's part from its catalog publication, issued by that team", async () => {
    const otherOwner = await server.signUp('Ada Anderlab');
    const otherLabId = await fixtures.createLab(server, otherOwner, 'Co-creatielab Zuid');
    const otherId = await createDesignAt(server.url, otherOwner, {
      teamId: otherLabId,
      templateId: versionId,
      title: 'Feedback van elders',
    });
    await editDraft(server.wsUrl, otherId, otherOwner, (doc) => fixtures.makeDesignGreen(doc, ['lu-2']));
    await fixtures.approveDesign(server, otherOwner, otherId);
    const mixed = await createTrajectAt(server.url, cast.owner, {
      teamId: cast.labId,
      templateVersionId: versionId,
    });
    const put = await server.request('PUT', `/api/trajects/${mixed}/items`, {
      cookie: cast.owner.cookie,
      body: { items: [{ designId }, { designId: otherId }] },
    });
    expect(put.status, await put.text()).toBe(200);
    const certificate = await fixtures.getOk<TrajectCertificate>(
      server,
      `/api/trajects/${mixed}/certificate`,
      cast.owner,
    );
    const part = certificate.parts[1]!.certificate;
    expect(part).toMatchObject({
      title: 'Feedback van elders',
      issuer: { team: 'Co-creatielab Zuid' },
      studyLoad: { ects: 4 },
    });
    expect(part.outcomes.map((outcome) => outcome.id)).toEqual(['lu-2']);
    expect(certificate.complete).toBe(true);
    expect(certificate.issuer.team).toBe('Co-creatielab Noord');
  });

  it('says which leeruitkomst is missing while the traject does not cover all', async () => {
    const partial = await createTrajectAt(server.url, cast.owner, {
      teamId: cast.labId,
      templateVersionId: versionId,
    });
    await server.request('PUT', `/api/trajects/${partial}/items`, {
      cookie: cast.owner.cookie,
      body: { items: [{ designId: secondId }] },
    });
    const certificate = await fixtures.getOk<TrajectCertificate>(
      server,
      `/api/trajects/${partial}/certificate`,
      cast.owner,
    );
    expect(certificate.complete).toBe(false);
    const html = await (await get(`/api/trajects/${partial}/certificate?format=html`, cast.owner)).text();
    expect(html).toContain('Let op: nog niet gedekt: LU 1, LU 3.');
  });

  it('states no study load while no part has a size (an empty traject)', async () => {
    const empty = await createTrajectAt(server.url, cast.owner, {
      teamId: cast.labId,
      templateVersionId: versionId,
    });
    const html = await (await get(`/api/trajects/${empty}/certificate?format=html`, cast.owner)).text();
    expect(html).toContain('<dt>Studiebelasting</dt><dd>nog niet vastgesteld</dd>');
    expect(html).toContain('Let op: nog niet gedekt: LU 1, LU 2, LU 3.');
  });
});
