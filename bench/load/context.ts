import { sleep } from '../lib/stats';
import type { Target } from '../lib/protocol';
import type { LoadParams } from './params';

/*
 * What every part of one load process shares: its parameters, the lines bench/run.ts reads, and
 * when each marked update was sent.
 */

/** This process' parameters (argv[2], from bench/run.ts). */
export const params = JSON.parse(process.argv[2] ?? '{}') as LoadParams;
export const { target } = params;
/** Where readers connect: another instance than the writers' with `--cluster`, else the same. */
export const readTarget: Target = params.readUrl ? { ...target, url: params.readUrl } : target;
/** Marks the start and end of the measured window for bench/run.ts. */
export const phase = (name: string) => process.stdout.write(`PHASE ${name}\n`);
/** The one result line bench/run.ts reads. */
export const result = (value: unknown) => process.stdout.write(`RESULT ${JSON.stringify(value)}\n`);

/** The key of a (writer, seq) marker. */
export const key = (writer: number, seq: number) => writer * 1_000_000 + seq;

/** Deliveries of marked updates, as readers receive them. */
export const deliveries = {
  /** When each (writer, seq) update was handed to the provider (performance.now()). */
  sentAt: new Map<number, number>(),
  /** Called on every reader's first receipt of a marker (saturation collects per step with it). */
  onDelivery: undefined as ((id: number, latency: number) => void) | undefined,
  /** Whether readers keep every latency themselves (saturation collects through onDelivery). */
  keepLatencies: true,
};

/** Resolves true once `condition` holds, false after `timeoutMs`. */
export async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) return false;
    await sleep(20);
  }
  return true;
}
