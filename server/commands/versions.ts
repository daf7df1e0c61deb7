import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type { VersionProjection } from '../../shared/domain/versions/projection';
import type { DocumentSummary } from '../../shared/schemas/documents';
import { readDocument } from '../collab/readDocument';
import type { AppDeps } from '../deps';
import { notFound } from '../http/apiError';
import { authorizeDocument } from '../policies/document';
import { projectDoc, type ProjectionTemplate } from '../render/projection';
import type { VersionWithJson } from '../stores/versions';
import type { ProjectionInput, VersionRef } from '../workers/jobs';
import { designTemplate } from './designs';
import { restoreUpdates } from './restoreContent';
import { checkVersionBudget, stateFingerprint } from './versionBudget';
import { designLifeContext } from './rounds/evidence';
import type { DesignLifeContext } from '../../shared/domain/design/types';

type Deps = AppDeps;

/** The template a leerarrangement is checked against (null for other kinds). */
async function templateOf(deps: Deps, document: DocumentSummary) {
  if (document.kind !== 'leerarrangement') return null;
  return (await designTemplate(deps, document.id)).version;
}

/**
 * Reads the document's committed state — from the open room's doc when someone is editing, else
 * from a copy loaded from storage (readDocument) — with its projection at hand (what the projection
 * needs, the template and the closed rounds, looked up once).
 */
async function withCurrentDoc<T>(
  deps: Deps,
  document: DocumentSummary,
  read: (
    doc: Y.Doc,
    project: () => VersionProjection,
    template: ProjectionTemplate | null,
    life: DesignLifeContext | null,
  ) => T,
): Promise<T> {
  const version = await templateOf(deps, document);
  const template = version
    ? { id: version.id, title: version.title, version: version.version, content: version.content }
    : null;
  const life = template ? await designLifeContext(deps, document.id) : null;
  return readDocument(deps, document.id, (doc) =>
    read(doc, () => projectDoc(doc, document, template, life), template, life),
  );
}

/** The committed state, its projection and its fingerprint, read in one go. */
const currentState = async (deps: Deps, document: DocumentSummary) =>
  await withCurrentDoc(deps, document, (doc, project) => ({
    state: Y.encodeStateAsUpdate(doc),
    json: project(),
    stateHash: stateFingerprint(doc),
  }));

/**
 * What a pool job projects the committed state from: its encoded state (fast to take on the event
 * loop) and what the projection needs.
 */
const currentInput = async (deps: Deps, document: DocumentSummary): Promise<ProjectionInput> =>
  await withCurrentDoc(deps, document, (doc, _project, template, life) => ({
    state: Y.encodeStateAsUpdate(doc),
    document,
    template,
    life,
  }));

type CurrentState = Awaited<ReturnType<typeof currentState>>;

/** What a version of this state takes in storage (state and projection), as the budget counts it. */
const storedBytes = (current: CurrentState) =>
  current.state.byteLength + Buffer.byteLength(JSON.stringify(current.json));

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
  input: {
    label: string;
    note?: string | null;
    status?: string | null;
    auto?: { authors: readonly string[] };
  },
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
    ...(input.auto ? { auto: input.auto } : {}),
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

/** A version's reference and projection, or the current state's (to be projected by a pool job). */
export async function projectionSource(
  deps: Deps,
  document: DocumentSummary,
  ref: string,
): Promise<{ ref: VersionRef; input: ProjectionInput }> {
  // Each side's read (a state encoded, a stored projection parsed: tens of ms for a large document)
  // starts in a task of its own, so requests arriving meanwhile are served in between.
  await new Promise(setImmediate);
  if (ref === 'current') return { ref: 'current', input: await currentInput(deps, document) };
  const version = await versionOr404(deps, document.id, ref);
  return {
    ref: { id: version.id, label: version.label, createdAt: version.createdAt },
    input: { json: version.json as VersionProjection },
  };
}

/** The buffers of projection inputs, moved to the worker instead of copied. */
export const stateBuffers = (...inputs: ProjectionInput[]): ArrayBuffer[] =>
  inputs.flatMap((input) => ('state' in input ? [input.state.buffer as ArrayBuffer] : []));

/**
 * What changed from one version to another (or to the current state), as the JSON text of
 * `{ from, to, ...ProjectionDiff }`; computed and serialized on a pool thread.
 */
export async function diffVersionsJson(
  deps: Deps,
  userId: string,
  docId: string,
  from: string,
  to: string,
): Promise<string> {
  const { document } = await authorizeDocument(deps.stores, userId, docId, 'document.read');
  const before = await projectionSource(deps, document, from);
  const after = await projectionSource(deps, document, to);
  return await deps.workers.run(
    'diff',
    { from: before.ref, to: after.ref, before: before.input, after: after.input },
    stateBuffers(before.input, after.input),
  );
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

/**
 * Stores an automatic version (server/versions/autoVersions.ts) of the committed state, with the
 * people whose edits it holds — unless nothing changed since the newest version. Within the same
 * budgets as a named version (a refusal is thrown; the caller logs it).
 */
export async function saveAutoVersion(
  deps: Deps,
  docId: string,
  authors: readonly string[],
): Promise<{ id: string } | null> {
  const document = await deps.stores.documents.get(docId);
  if (!document) return null;
  const current = await currentState(deps, document);
  const latest = await deps.stores.versions.latest(docId);
  if (latest && latest.stateHash === current.stateHash) return null;
  await checkVersionBudget(deps, document, storedBytes(current));
  return storeVersion(deps, null, document, { label: 'Automatisch opgeslagen', auto: { authors } }, current);
}
