/**
 * A pool worker's entry: runs one job per message and answers with its result (buffers moved, not
 * copied). Bundled as its own entry (`worker.mjs`, server/cli/bundle.ts); run through tsx from
 * source.
 */
import { parentPort } from 'node:worker_threads';
import { runJob, type JobName } from './jobs';

const port = parentPort!;

/** Uint8Arrays in a result that own their whole buffer, so they can be moved to the main thread. */
function transferables(result: unknown): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  const visit = (value: unknown) => {
    if (value instanceof Uint8Array && value.byteOffset === 0 && value.buffer instanceof ArrayBuffer) {
      if (value.byteLength === value.buffer.byteLength) buffers.push(value.buffer);
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      // One level deep: results are { title, body } or a diff (no buffers inside).
      for (const inner of Object.values(value)) if (inner instanceof Uint8Array) visit(inner);
    }
  };
  visit(result);
  return buffers;
}

port.on('message', (message: { id: number; name: JobName; input: unknown }) => {
  runJob(message.name, message.input).then(
    (result) => port.postMessage({ id: message.id, ok: true, result }, transferables(result)),
    (error: unknown) =>
      port.postMessage({
        id: message.id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      }),
  );
});
port.postMessage({ ready: true });
