import { expect } from 'vitest';
import type * as Y from 'yjs';
import type { TemplateVersion } from '../../server/stores/templateVersions';
import type { DesignStatus } from '../../shared/domain/lifecycle';
import type { TemplateKind, Sector } from '../../shared/domain/template/types';
import type { Role } from '../../shared/domain/roles';
import { addActivity, evidenceText } from '../../shared/editor/designDoc';
import { createTemplateDraftAt, publishedAt, type TestOwner, type TestServer, type TestUser } from './server';
import { approveThroughCommittee } from './externalReview';
import * as yclient from './yclient';

/**
 * The setup the design, lifecycle, traject and catalog tests share: a published ontwikkelpad to
 * design against, a co-creatieteam with members by role, a leerarrangement whose must-rules are
 * green, and the database shortcuts for statuses the API cannot reach without feedback rounds.
 * Everything goes through the real server (HTTP and WebSocket), except where a name says "force".
 */

/** Two leeruitkomsten of the theme most lifecycle, traject and catalog tests design against. */
export const LU_1: yclient.OutcomeFields = {
  id: 'lu-1',
  code: 'LU 1',
  title: 'Veilig leerklimaat',
  description: '',
};
export const LU_2: yclient.OutcomeFields = {
  id: 'lu-2',
  code: 'LU 2',
  title: 'Feedback geven',
  description: '',
};

/** The theme "Pedagogisch handelen" (id 'thema') with these outcomes. */
export const pedagogischHandelen = (...outcomes: yclient.OutcomeFields[]) => ({
  id: 'thema',
  title: 'Pedagogisch handelen',
  outcomes,
});

export interface TemplateVersionSpec {
  title: string;
  /** Default 'start-vakbekwaam'. */
  kind?: TemplateKind;
  sectors: Sector[];
  nlqfLevel: number;
  themes: Array<{ id: string; title: string; outcomes: yclient.OutcomeFields[] }>;
  /** Default 'Eerste versie'. */
  changeNote?: string;
  /** Further edits of the draft before it is published (sections, …). */
  edit?: (doc: Y.Doc) => void;
}

/**
 * The atelier writes an ontwikkelpad in a new draft (meta, its themes replacing the default ones)
 * and publishes it; returns the draft (for later revisions) and the published version.
 */
export async function publishTemplateVersion(
  server: TestServer,
  atelierOwner: TestOwner,
  spec: TemplateVersionSpec,
): Promise<{ draftId: string; versionId: string; version: string }> {
  const draftId = await createTemplateDraftAt(server.url, atelierOwner, { teamId: atelierOwner.teamId });
  await yclient.editDraft(server.wsUrl, draftId, atelierOwner, (doc) => {
    yclient.setDraftMeta(doc, {
      title: spec.title,
      kind: spec.kind ?? 'start-vakbekwaam',
      sectors: spec.sectors,
      nlqfLevel: spec.nlqfLevel,
    });
    yclient.clearDraftThemes(doc);
    for (const theme of spec.themes) yclient.addDraftTheme(doc, theme.id, theme.title, theme.outcomes);
    spec.edit?.(doc);
  });
  const published = await publishedAt(server.url, atelierOwner, draftId, {
    changeNote: spec.changeNote ?? 'Eerste versie',
  });
  return { draftId, versionId: published.id, version: published.version };
}

/** GET /api/templates/:id as `user` (200 expected). */
export const fetchTemplate = (server: TestServer, user: { cookie: string }, versionId: string) =>
  getOk<TemplateVersion>(server, `/api/templates/${versionId}`, user);

/** A co-creatieteam of `owner`, with `members` added in order, each with its role. */
export async function createLab(
  server: TestServer,
  owner: TestUser,
  name: string,
  members: ReadonlyArray<readonly [TestUser, Role]> = [],
): Promise<string> {
  const labId = await server.createTeam(owner, { name, kind: 'cocreatieteam' });
  for (const [member, role] of members) await server.addMember(owner, labId, member, role);
  return labId;
}

/** The members of a lab test: its owner, one member per other role, and an outsider. */
export interface LabCast {
  labId: string;
  owner: TestUser;
  editor: TestUser;
  commenter: TestUser;
  viewer: TestUser;
  outsider: TestUser;
}

const CAST_NAMES: Record<Exclude<keyof LabCast, 'labId'>, string> = {
  owner: 'Olga Eigenaar',
  editor: 'Eef Bewerker',
  commenter: 'Coen Commentator',
  viewer: 'Vik Lezer',
  outsider: 'Bo Buitenstaander',
};

/**
 * Signs up the cast (in parallel; `names` overrides the default display names) and makes a
 * co-creatieteam `labName` of the owner with the editor, commenter and viewer, in that order.
 */
export async function createLabWithRoles(
  server: TestServer,
  labName: string,
  names: Partial<typeof CAST_NAMES> = {},
): Promise<LabCast> {
  const cast = { ...CAST_NAMES, ...names };
  const [owner, editor, commenter, viewer, outsider] = await Promise.all([
    server.signUp(cast.owner),
    server.signUp(cast.editor),
    server.signUp(cast.commenter),
    server.signUp(cast.viewer),
    server.signUp(cast.outsider),
  ]);
  const labId = await createLab(server, owner, labName, [
    [editor, 'editor'],
    [commenter, 'commenter'],
    [viewer, 'viewer'],
  ]);
  return { labId, owner, editor, commenter, viewer, outsider };
}

/**
 * Makes every leaving-prototype must-rule of a leerarrangement green for `outcomeIds`: targeted
 * with evidence (R4, R7), formeel 4 ECTS with a 112-hour formal activity (R3), vertical at position
 * 1 (R8), its relation to the traject (R9) and an EVC approach (R10).
 */
export function makeDesignGreen(doc: Y.Doc, outcomeIds: readonly string[]): void {
  doc.transact(() => {
    for (const id of outcomeIds) yclient.toggleOutcome(doc, id, true);
    for (const id of outcomeIds) evidenceText(doc, id).insert(0, 'Lesobservatie.');
    yclient.setDesignMeta(doc, { mode: 'formeel', ects: 4, placementType: 'verticaal', position: 1 });
    yclient.setDesignText(doc, 'trajectRelation', 'Eerste stap.');
    yclient.setDesignText(doc, 'evcApproach', 'Portfolio.');
  });
  addActivity(doc, {
    title: 'Intervisie',
    kind: 'intervisie',
    mode: 'formeel',
    hours: 112,
    materialStatus: 'nieuw',
  });
}

/** Test shortcut: writes a design's status straight into the database (past R13 without rounds). */
export async function forceDesignStatus(
  server: TestServer,
  docId: string,
  status: DesignStatus,
): Promise<void> {
  await server.running.deps.database.db
    .updateTable('designs')
    .set({ status })
    .where('doc_id', '=', docId)
    .execute();
}

/**
 * Approves a design: in external review by a direct database write, then judged and approved by a
 * toetsingscommissie's reviewer through the API (support/externalReview.ts), which freezes the
 * catalog copy. `owner` is a member of the design's team.
 */
export async function approveDesign(server: TestServer, owner: TestUser, docId: string): Promise<void> {
  await approveThroughCommittee(server, owner, docId);
}

/** GET `path` as `user` (anonymously without one), 200 expected; the parsed body. */
export async function getOk<T>(server: TestServer, path: string, user?: { cookie: string }): Promise<T> {
  const response = await server.request('GET', path, user ? { cookie: user.cookie } : {});
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return JSON.parse(text) as T;
}

/** An API error: this HTTP status, `{ error: { code } }`, and the message matching `message` if given. */
export async function expectApiError(
  response: Response,
  status: number,
  code: string,
  message?: RegExp,
): Promise<void> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  const body = JSON.parse(text) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  if (message) expect(body.error.message).toMatch(message);
}
