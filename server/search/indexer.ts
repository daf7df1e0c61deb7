import { setImmediate as nextTurn } from 'node:timers/promises';
import * as Y from 'yjs';
import type { TemplateContent } from '../../shared/domain/template/types';
import type { DocumentKind } from '../../shared/schemas/documents';
import { loadDoc } from '../collab/loadDoc';
import type { AppDeps } from '../deps';
import { log } from '../log';
import { projectDoc } from '../render/projection';
import { projectionText, templateText } from './searchText';

/** Documents, versions and publications indexed per run at most; the rest follow on the next run. */
const BATCH = 50;

/**
 * When a changed document that is already in the index is indexed again: once it has been quiet for
 * `quietMs` (longer than the rooms' 2 s refresh of its row, so a document being typed in never
 * looks quiet), or once its entry is `busyMs` behind. Re-reading every document being edited on
 * every run cost the sync server a fifth of its CPU with 200 documents in use (docs/benchmarks.md,
 * session 13).
 */
export interface IndexPace {
  quietMs: number;
  busyMs: number;
}

export const DEFAULT_PACE: IndexPace = { quietMs: 3_000, busyMs: 30_000 };

type IndexerDeps = Pick<AppDeps, 'stores'>;

/**
 * Brings the search index up to date with what is committed: team documents changed since they were
 * indexed (their row's updated_at, refreshed by the rooms every couple of seconds), new published
 * ontwikkelpad versions and new catalog publications. Never on the commit path: it reads the
 * committed state afterwards, one document per event-loop turn. Idempotent, so several instances
 * running it at once only repeat work. Returns how many entries it wrote.
 */
export async function indexPending(
  deps: IndexerDeps,
  pace: IndexPace = DEFAULT_PACE,
  batch = BATCH,
): Promise<number> {
  const store = deps.stores.search;
  let written = 0;
  const now = Date.now();
  const stale = await store.staleDocuments(batch, {
    quietBefore: now - pace.quietMs,
    busyBefore: now - pace.busyMs,
  });
  for (const row of stale) {
    const document = await deps.stores.documents.get(row.id);
    if (!document) continue;
    // A copy from storage (committed state), never the live room's doc: projecting defines its
    // top-level types, which must stay as the editors and the update checks left them.
    const { doc } = await loadDoc(deps.stores.docStorage, row.id);
    let text: ReturnType<typeof projectionText>;
    try {
      text = projectionText(projectDoc(doc, document, null));
    } finally {
      doc.destroy();
    }
    await store.put({
      entryKey: `doc:${row.id}`,
      kind: row.kind as DocumentKind,
      refId: row.id,
      docId: row.id,
      visibility: 'team',
      teamId: row.team_id,
      title: text.title || document.title,
      body: text.body,
      sourceAt: row.updated_at,
    });
    written++;
    await nextTurn();
  }
  for (const row of await store.unindexedTemplates(batch)) {
    const text = templateText(JSON.parse(row.content) as TemplateContent);
    await store.put({
      entryKey: `template:${row.id}`,
      kind: 'template',
      refId: row.id,
      docId: null,
      visibility: 'public',
      teamId: null,
      ...text,
      sourceAt: row.published_at,
    });
    written++;
  }
  for (const row of await store.stalePublications(batch)) {
    const doc = new Y.Doc({ gc: true });
    try {
      Y.applyUpdate(doc, row.state);
      const summary = (await deps.stores.documents.get(row.doc_id))!;
      const text = projectionText(projectDoc(doc, summary, null));
      await store.put({
        entryKey: `catalog:${row.doc_id}`,
        kind: 'catalog',
        refId: row.doc_id,
        docId: row.doc_id,
        visibility: 'public',
        teamId: null,
        ...text,
        sourceAt: row.approved_at,
      });
      written++;
    } finally {
      doc.destroy();
    }
    await nextTurn();
  }
  return written;
}

/** A running indexer. */
export interface SearchIndexer {
  stop(): Promise<void>;
}

/** Runs indexPending now and then every `intervalMs`; a run still going when the next is due skips it. */
export function startSearchIndexer(
  deps: IndexerDeps,
  intervalMs: number,
  pace: IndexPace = DEFAULT_PACE,
): SearchIndexer {
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = () => {
    if (running || stopped) return;
    running = (async () => {
      try {
        // A full batch means more is waiting: go on at once rather than a whole interval later.
        while (!stopped && (await indexPending(deps, pace)) >= BATCH);
      } catch (error) {
        log.warn('search indexing failed; retried on the next run', { error: String(error) });
      } finally {
        running = null;
      }
    })();
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
