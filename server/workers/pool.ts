import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type TransferListItem } from 'node:worker_threads';
import type { Env } from '../env';
import { ApiError } from '../http/apiError';
import type { JobInput, JobName, JobResult } from './jobs';

/** Settings of a WorkerPool (WORKER_THREADS, WORKER_QUEUE_MAX, WORKER_JOB_TIMEOUT_MS). */
export interface WorkerPoolOptions {
  threads: number;
  /** Jobs that may wait for a thread; one more is refused with 503. */
  maxQueued: number;
  /** A job running longer is stopped: its thread is terminated and replaced, the request gets 503. */
  jobTimeoutMs: number;
}

/** The pool `env` describes. */
export const workerPoolFor = (env: Env) =>
  new WorkerPool({
    threads: env.WORKER_THREADS,
    maxQueued: env.WORKER_QUEUE_MAX,
    jobTimeoutMs: env.WORKER_JOB_TIMEOUT_MS,
  });

/** Heap limit of a pool thread, in MB: a job that needs more fails alone (503), not the server. */
export const WORKER_HEAP_MB = 512;

/** The 503 of a full queue. */
export const busy = () => new ApiError(503, 'busy', 'Het is nu te druk, probeer het zo opnieuw.');
/** The 503 of a job stopped at its time limit. */
export const tooSlow = () =>
  new ApiError(503, 'job_timeout', 'Dit duurde te lang en is gestopt. Probeer het zo opnieuw.');

/**
 * The worker's script and the flags it needs. From source (tsx, vitest) the entry is TypeScript, run
 * through tsx's loader; in the `npm start` bundle every chunk sits beside the bundled `worker.mjs`.
 * `import.meta.filename` is this module's real file in both (the bundle rewrites only
 * `import.meta.url`, to the source file).
 */
function workerScript(): { file: string; execArgv: string[] | undefined } {
  const here = (import.meta.filename as string | undefined) ?? fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts'))
    return { file: path.join(path.dirname(here), 'worker.mjs'), execArgv: undefined };
  const tsx = process.execArgv.some((flag) => flag.includes('tsx'));
  return {
    file: path.join(path.dirname(here), 'entry.ts'),
    execArgv: tsx ? process.execArgv : [...process.execArgv, '--import', 'tsx'],
  };
}

interface Job {
  name: JobName;
  input: unknown;
  transfer: TransferListItem[];
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

type Reply =
  { ready: true } | { id: number; ok: true; result: unknown } | { id: number; ok: false; message: string };

/** One thread: started on first use, replaced when it dies or overruns a job. */
class Slot {
  private worker: Worker | null = null;
  private ready = false;
  private job: Job | null = null;
  private jobId = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly options: WorkerPoolOptions,
    private readonly onIdle: () => void,
  ) {}

  get idle(): boolean {
    return this.job === null;
  }

  /** Runs `job` on this (idle) thread. */
  run(job: Job): void {
    this.job = job;
    if (!this.worker) this.start();
    else if (this.ready) this.post();
  }

  /** Stops the thread; a running job fails with `error`. */
  async stop(error: Error): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.ready = false;
    // After the thread is dropped: finishing may hand this slot the next job, on a new thread.
    this.finish(error);
    await worker?.terminate();
  }

  private start(): void {
    const { file, execArgv } = workerScript();
    const worker = new Worker(file, {
      execArgv,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    // An idle thread never keeps the process alive; the server's own handles do.
    worker.unref();
    this.worker = worker;
    worker.on('message', (reply: Reply) => {
      if (worker !== this.worker) return;
      if ('ready' in reply) {
        this.ready = true;
        if (this.job) this.post();
      } else if (reply.id === this.jobId && this.job) {
        if (reply.ok) this.finish(null, reply.result);
        else this.finish(new Error(reply.message));
      }
    });
    worker.on('error', (error) => {
      if (worker !== this.worker) return;
      this.worker = null;
      this.ready = false;
      const outOfMemory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.finish(outOfMemory ? tooSlow() : error);
    });
    worker.on('exit', () => {
      if (worker !== this.worker) return;
      this.worker = null;
      this.ready = false;
      this.finish(new Error('worker exited'));
    });
  }

  private post(): void {
    const job = this.job!;
    this.jobId++;
    // The limit counts from when the job reaches a ready thread (not the thread's start-up).
    this.timer = setTimeout(() => void this.stop(tooSlow()), this.options.jobTimeoutMs);
    this.worker!.postMessage({ id: this.jobId, name: job.name, input: job.input }, job.transfer);
  }

  private finish(error: Error | null, result?: unknown): void {
    const job = this.job;
    if (!job) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.job = null;
    if (error) job.reject(error);
    else job.resolve(result);
    this.onIdle();
  }
}

/**
 * A few threads for CPU-heavy requests (version diff, exports), so the event loop keeps serving
 * sockets and other requests meanwhile. Jobs wait in a bounded queue (full: 503 at once) and run
 * under a time limit (over it: the thread is terminated and replaced, the request gets 503).
 * Threads start on the first job and never keep the process alive.
 */
export class WorkerPool {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];

  constructor(readonly options: WorkerPoolOptions) {
    this.slots = Array.from({ length: options.threads }, () => new Slot(options, () => this.next()));
  }

  /** Runs job `name` on a pool thread; `transfer` lists buffers of `input` to move instead of copy. */
  run<K extends JobName>(
    name: K,
    input: JobInput<K>,
    transfer: TransferListItem[] = [],
  ): Promise<JobResult<K>> {
    return new Promise((resolve, reject) => {
      const job: Job = { name, input, transfer, resolve: resolve as (result: unknown) => void, reject };
      const slot = this.slots.find((candidate) => candidate.idle);
      if (slot) slot.run(job);
      else if (this.queue.length >= this.options.maxQueued) reject(busy());
      else this.queue.push(job);
    });
  }

  /** Jobs waiting for a thread. */
  get queued(): number {
    return this.queue.length;
  }

  /** Stops every thread (shutdown); running and waiting jobs fail with 503. */
  async close(): Promise<void> {
    for (const job of this.queue.splice(0)) job.reject(busy());
    await Promise.all(this.slots.map((slot) => slot.stop(busy())));
  }

  private next(): void {
    const slot = this.slots.find((candidate) => candidate.idle);
    const job = slot && this.queue.shift();
    if (slot && job) slot.run(job);
  }
}
