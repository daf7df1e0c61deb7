import { unsupportedNodeReason } from '../runtime';

// Imported first by the entry points, so it runs before any module loads a native addon: on an old
// Node, better-sqlite3 13 would end the process with a segmentation fault instead of this message.
const unsupported = unsupportedNodeReason();
if (unsupported) {
  process.stderr.write(`${unsupported}\n`);
  process.exit(1);
}
