import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import * as Y from 'yjs';
import { META_MAP, SECTIONS_ARRAY, sectionFragmentName } from '../../shared/editor/fields';

/** One edit of a sequential editing trace: delete `del` characters at `pos`, then insert `ins`. */
export type Patch = [pos: number, del: number, ins: string];

export interface Trace {
  name: string;
  patches: Patch[];
  endContent: string;
  generated: boolean;
}

/** Where the real traces live (never copied into the repository); WERKPLAATS_TRACES overrides. */
export function tracesDir(): string {
  return (
    process.env.WERKPLAATS_TRACES ?? path.resolve(import.meta.dirname, '../../../shared/data/editing-traces')
  );
}

/**
 * A deterministic stand-in for when the real trace is absent: typing at a cursor that now and then
 * jumps elsewhere, with backspaces, as in the real trace. (Edits at random places fragment the text
 * into more items than the server accepts in one update, MAX_STRUCTS_PER_UPDATE.)
 */
function generatedTrace(edits: number): Trace {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const patches: Patch[] = [];
  let text = '';
  let cursor = 0;
  for (let i = 0; i < edits; i++) {
    if (random() < 0.002) cursor = Math.floor(random() * text.length);
    if (cursor > 0 && random() < 0.03) {
      cursor--;
      patches.push([cursor, 1, '']);
      text = text.slice(0, cursor) + text.slice(cursor + 1);
    } else {
      const ch = 'abcdefghij klmnopqrstuvwxyz.'[Math.floor(random() * 28)] ?? ' ';
      patches.push([cursor, 0, ch]);
      text = text.slice(0, cursor) + ch + text.slice(cursor);
      cursor++;
    }
  }
  return { name: `generated (${edits} edits)`, patches, endContent: text, generated: true };
}

/** The B4 trace (automerge-paper), or a generated one of similar size with a warning. */
export function loadB4(limit = Number.POSITIVE_INFINITY): Trace {
  const trace = loadFullB4();
  if (trace.patches.length <= limit) return trace;
  return { ...trace, name: `${trace.name} (first ${limit} edits)`, patches: trace.patches.slice(0, limit) };
}

function loadFullB4(): Trace {
  const file = path.join(tracesDir(), 'automerge-paper.json.gz');
  if (!fs.existsSync(file)) {
    process.stderr.write(
      `WARNING: ${file} not found (set WERKPLAATS_TRACES); using a generated trace instead of B4\n`,
    );
    return generatedTrace(260_000);
  }
  const data = JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8')) as {
    endContent: string;
    txns: Array<{ patches: Patch[] }>;
  };
  return {
    name: 'B4 automerge-paper',
    patches: data.txns.flatMap((txn) => txn.patches),
    endContent: data.endContent,
    generated: false,
  };
}

/**
 * Replays patches `from..to` into the first paragraph of the document's first section (the shape
 * the editor and the versions projection read), in one transaction.
 */
export function replayInto(doc: Y.Doc, trace: Trace, from: number, to: number): void {
  doc.transact(() => {
    const sections = doc.getArray<Y.Map<unknown>>(SECTIONS_ARRAY);
    let sectionId: string;
    if (sections.length === 0) {
      sectionId = 'b4';
      const section = new Y.Map<unknown>();
      section.set('id', sectionId);
      section.set('heading', 'Paper');
      sections.push([section]);
      doc.getMap(META_MAP).set('title', 'B4');
    } else {
      sectionId = String(sections.get(0).get('id'));
    }
    const fragment = doc.getXmlFragment(sectionFragmentName(sectionId));
    let paragraph = fragment.get(0) as Y.XmlElement | undefined;
    if (!(paragraph instanceof Y.XmlElement)) {
      paragraph = new Y.XmlElement('paragraph');
      fragment.insert(0, [paragraph]);
    }
    let text = paragraph.get(0) as Y.XmlText | undefined;
    if (!(text instanceof Y.XmlText)) {
      text = new Y.XmlText();
      paragraph.insert(0, [text]);
    }
    for (let i = from; i < to; i++) {
      const [pos, del, ins] = trace.patches[i]!;
      if (del > 0) text.delete(pos, del);
      if (ins) text.insert(pos, ins);
    }
  });
}

/** The whole B4 document as one update (cached in the temp dir, keyed by the trace's size). */
export function b4Update(limit?: number): { update: Uint8Array; trace: Trace } {
  const trace = loadB4(limit);
  const cache = path.join(
    os.tmpdir(),
    `werkplaats-bench-b4-${trace.patches.length}-${trace.generated ? 'generated2' : 'b4'}.bin`,
  );
  if (fs.existsSync(cache)) return { update: new Uint8Array(fs.readFileSync(cache)), trace };
  const doc = new Y.Doc();
  doc.clientID = 4;
  replayInto(doc, trace, 0, trace.patches.length);
  const update = Y.encodeStateAsUpdate(doc);
  fs.writeFileSync(cache, update);
  return { update, trace };
}
