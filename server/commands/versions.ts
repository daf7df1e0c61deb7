import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { checkDesign } from '../../shared/domain/design/rules';
import { allOutcomes, type TemplateContent } from '../../shared/domain/template/types';
import { diffProjections } from '../../shared/domain/versions/diff';
import type { SectionText, VersionProjection } from '../../shared/domain/versions/projection';
import { META_MAP, SECTIONS_ARRAY, sectionFragmentName } from '../../shared/editor/fields';
import { projectDesign } from '../../shared/editor/designDoc';
import { fragmentToPlainText, TEMPLATE_KEYS, projectTemplate } from '../../shared/editor/templateDoc';
import type { DocumentSummary } from '../../shared/schemas/documents';
import { readDocument } from '../collab/readDocument';
import type { AppDeps } from '../deps';
import { notFound } from '../http/apiError';
import { authorizeDocument } from '../policies/document';
import type { VersionWithJson } from '../stores/versions';
import { designTemplate } from './designs';
import { restoreUpdates } from './restoreContent';
import { checkVersionBudget, stateFingerprint } from './versionBudget';

type Deps = AppDeps;

/** The template a leerarrangement is checked against (null for other kinds). */
async function templateOf(deps: Deps, document: DocumentSummary) {
  if (document.kind !== 'leerarrangement') return null;
  return (await designTemplate(deps, document.id)).version;
}

function textOf(value: unknown): string {
  if (value instanceof Y.Text) return value.toString();
  return typeof value === 'string' ? value : '';
}

/** Plain text of every rich-text section of a doc of this kind. */
function sectionTexts(doc: Y.Doc, kind: DocumentSummary['kind']): SectionText[] {
  if (kind === 'ontwikkelpad') {
    return [
      {
        id: TEMPLATE_KEYS.description,
        heading: 'Beschrijving',
        text: fragmentToPlainText(doc.getXmlFragment(TEMPLATE_KEYS.description)),
      },
      {
        id: TEMPLATE_KEYS.suggestions,
        heading: 'Suggesties',
        text: fragmentToPlainText(doc.getXmlFragment(TEMPLATE_KEYS.suggestions)),
      },
    ];
  }
  return doc
    .getArray<Y.Map<unknown>>(SECTIONS_ARRAY)
    .toArray()
    .map((section) => {
      const id = String(section.get('id') ?? '');
      return {
        id,
        heading: textOf(section.get('heading')),
        text: fragmentToPlainText(doc.getXmlFragment(sectionFragmentName(id))),
      };
    });
}

/** The JSON projection of a document's Y.Doc (what a version stores beside its state). */
export function projectDoc(
  doc: Y.Doc,
  document: DocumentSummary,
  template: { id: string; title: string; version: string; content: TemplateContent } | null,
  /** Closed feedback rounds at this moment (R13 in the stored rule results); null: not known. */
  closedRounds: number | null = null,
): VersionProjection {
  const title = textOf(doc.getMap<unknown>(META_MAP).get('title')) || document.title;
  const sections = sectionTexts(doc, document.kind);
  if (document.kind === 'ontwikkelpad')
    return { kind: 'ontwikkelpad', title, sections, content: projectTemplate(doc) };
  if (document.kind === 'leerarrangement') {
    const design = projectDesign(doc, template?.content);
    const outcomes = Object.fromEntries(
      (template ? allOutcomes(template.content) : []).map((outcome) => [
        outcome.id,
        { code: outcome.code, title: outcome.title },
      ]),
    );
    return {
      kind: 'leerarrangement',
      title,
      sections,
      design,
      template: template ? { id: template.id, title: template.title, version: template.version } : null,
      outcomes,
      checks: template ? checkDesign(design, template.content, { closedRounds: closedRounds }) : [],
    };
  }
  return { kind: 'document', title, sections };
}

/**
 * Reads the document's committed state — from the open room's doc when someone is editing, else
 * from a copy loaded from storage (readDocument) — with its projection at hand (what the projection
 * needs, the template and the closed rounds, looked up once).
 */
async function withCurrentDoc<T>(
  deps: Deps,
  document: DocumentSummary,
  read: (doc: Y.Doc, project: () => VersionProjection) => T,
): Promise<T> {
  const template = await templateOf(deps, document);
  const rounds = template ? await deps.stores.rounds.closedRoundCount(document.id) : null;
  return readDocument(deps, document.id, (doc) =>
    read(doc, () => projectDoc(doc, document, template, rounds)),
  );
}

/** The committed state, its projection and its fingerprint, read in one go. */
const currentState = async (deps: Deps, document: DocumentSummary) =>
  await withCurrentDoc(deps, document, (doc, project) => ({
    state: Y.encodeStateAsUpdate(doc),
    json: project(),
    stateHash: stateFingerprint(doc),
  }));

type CurrentState = Awaited<ReturnType<typeof currentState>>;

/** What a version of this state takes in storage (state and projection), as the budget counts it. */
const storedBytes = (current: CurrentState) =>
  current.state.byteLength + Buffer.byteLength(JSON.stringify(current.json));

/** Only the projection of the committed state (a diff against 'current' needs no encoded state). */
const currentProjection = async (deps: Deps, document: DocumentSummary) =>
  await withCurrentDoc(deps, document, (_doc, project) => project());

/**
 * Stores an immutable version of the document's committed state. No authorization here: callers
 * (the save route, the lifecycle on every status change) decide who may.
 */
export async function createVersion(
  deps: Deps,
  userId: string | null,
  docId: string,
  input: { label: string; note?: string | null; status?: string | null },
): Promise<{ id: string }> {
  const document = await deps.stores.documents.get(docId);
  if (!document) throw notFound('Dit document bestaat niet.');
  return storeVersion(deps, userId, document, input, await currentState(deps, document));
}

async function storeVersion(
  deps: Deps,
  userId: string | null,
  document: DocumentSummary,
  input: { label: string; note?: string | null; status?: string | null },
  { state, json, stateHash }: CurrentState,
): Promise<{ id: string }> {
  const id = randomUUID();
  await deps.stores.versions.insert({
    id,
    docId: document.id,
    label: input.label,
    note: input.note ?? null,
    authorId: userId,
    status: input.status ?? null,
    state,
    json,
    stateHash,
  });
  return { id };
}

/**
 * Saves a version by hand (*Versie opslaan*) within the version budgets (versionBudget.ts). When
 * nothing changed since the newest version, that one is the answer (`unchanged`) and nothing is stored.
 */
export async function saveVersion(
  deps: Deps,
  userId: string,
  docId: string,
  input: { label: string; note?: string | undefined },
): Promise<{ id: string; unchanged: boolean }> {
  const { document } = await authorizeDocument(deps.stores, userId, docId, 'document.edit');
  const current = await currentState(deps, document);
  const latest = await deps.stores.versions.latest(docId);
  if (latest && latest.stateHash === current.stateHash) return { id: latest.id, unchanged: true };
  await checkVersionBudget(deps, document, storedBytes(current));
  const label = { label: input.label, note: input.note ?? null };
  return { ...(await storeVersion(deps, userId, document, label, current)), unchanged: false };
}

/** The versions of a document, newest first, as the JSON text of a VersionSummary[] (the API body). */
export async function listVersionsJson(deps: Deps, userId: string, docId: string): Promise<string> {
  await authorizeDocument(deps.stores, userId, docId, 'document.read');
  return deps.stores.versions.listJson(docId);
}

async function versionOr404(deps: Deps, docId: string, versionId: string): Promise<VersionWithJson> {
  const version = await deps.stores.versions.get(docId, versionId);
  if (!version) throw notFound('Deze versie bestaat niet.');
  return version;
}

/** One version with its projection. */
export async function getVersion(
  deps: Deps,
  userId: string,
  docId: string,
  versionId: string,
): Promise<VersionWithJson> {
  await authorizeDocument(deps.stores, userId, docId, 'document.read');
  return versionOr404(deps, docId, versionId);
}

/** A version's Yjs state (to open it read-only in the editor). */
export async function getVersionState(
  deps: Deps,
  userId: string,
  docId: string,
  versionId: string,
): Promise<Uint8Array> {
  await authorizeDocument(deps.stores, userId, docId, 'document.read');
  await versionOr404(deps, docId, versionId);
  return (await deps.stores.versions.state(docId, versionId))!;
}

/** A version's projection, or the current state's when `ref` is 'current'. */
export async function projectionOf(
  deps: Deps,
  document: DocumentSummary,
  ref: string,
): Promise<{ ref: { id: string; label: string; createdAt: string } | 'current'; json: VersionProjection }> {
  if (ref === 'current') return { ref: 'current', json: await currentProjection(deps, document) };
  const version = await versionOr404(deps, document.id, ref);
  return {
    ref: { id: version.id, label: version.label, createdAt: version.createdAt },
    json: version.json as VersionProjection,
  };
}

/** What changed from one version to another (or to the current state). */
export async function diffVersions(deps: Deps, userId: string, docId: string, from: string, to: string) {
  const { document } = await authorizeDocument(deps.stores, userId, docId, 'document.read');
  const before = await projectionOf(deps, document, from);
  const after = await projectionOf(deps, document, to);
  return { from: before.ref, to: after.ref, ...diffProjections(before.json, after.json) };
}

/** Brings a version back as a new change on top of the current state; everyone editing sees it. */
export async function restoreVersion(
  deps: Deps,
  userId: string,
  docId: string,
  versionId: string,
): Promise<{ id: string }> {
  const { document } = await authorizeDocument(deps.stores, userId, docId, 'document.edit');
  const version = await versionOr404(deps, docId, versionId);
  const state = await deps.stores.versions.state(docId, versionId);
  if (!state) throw notFound('Deze versie bestaat niet.');
  // Checked before the restore changes the document: the version it ends with must fit. The restored
  // state is about as large as the version brought back.
  await checkVersionBudget(
    deps,
    document,
    state.byteLength + Buffer.byteLength(JSON.stringify(version.json)),
  );
  const updates = await readDocument(deps, docId, (doc) => restoreUpdates(doc, state));
  // One at a time, so each is its own transaction in the room (see restoreUpdates).
  for (const update of updates) await deps.rooms.applyServerUpdate(docId, update);
  await deps.stores.audit.record('document.restored', {
    teamId: document.teamId,
    actorId: userId,
    details: { documentId: docId, versionId, label: version.label },
  });
  const label = { label: `Hersteld: ${version.label}`.slice(0, 200) };
  return storeVersion(deps, userId, document, label, await currentState(deps, document));
}
