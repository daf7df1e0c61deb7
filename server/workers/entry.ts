/**
 * A pool worker's entry: runs one job per message and answers with its result (buffers moved, not
 * copied). Bundled as its own entry (`worker.mjs`, server/cli/bundle.ts); run through tsx from
 * source.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { runJob, type JobName } from './jobs';

const port = parentPort!;

/** Niceness of this thread: the event loop (nice 0) gets the core first when both want it. */
const WORKER_NICE = 10;

// On Linux a thread is a task with its own id and niceness (/proc/thread-self names it), so this
// lowers only this thread. Elsewhere the thread keeps the process's priority.
try {
  const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
  if (Number.isInteger(tid) && tid !== process.pid) os.setPriority(tid, WORKER_NICE);
} catch {
  // No /proc (macOS, Windows): the time limit and the queue bound still apply.
}

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
