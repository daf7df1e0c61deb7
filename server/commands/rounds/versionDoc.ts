import * as Y from 'yjs';
import type { AppDeps } from '../../deps';
import { notFound } from '../../http/apiError';
import type { RoundRow } from '../../stores/rounds';

/** Runs `read` on a fresh copy of the round's frozen version (anchors resolve against it). */
export async function readVersionDoc<T>(
  deps: Pick<AppDeps, 'stores'>,
  round: RoundRow,
  read: (doc: Y.Doc) => T,
): Promise<T> {
  const state = await deps.stores.versions.state(round.doc_id, round.version_id);
  if (!state) throw notFound('De versie van deze feedbackronde bestaat niet meer.');
  const doc = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(doc, state);
    return read(doc);
  } finally {
    doc.destroy();
  }
}
