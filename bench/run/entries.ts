import type { ServerKind } from '../lib/protocol';
import { flag, LABEL, option, quick, servers } from './options';
import type { Scenario } from './scenarios';

/*
 * What one scenario runs against: each server of `--servers`, and in the scenarios that ask for it
 * Werkplaats again with every other COMMIT_THREAD setting, so the choice of the default is visible,
 * and y-websocket again with an fsync on every append, the like-for-like durability.
 */

/** One row of a scenario's table: a server, possibly with settings of its own. */
export interface Entry {
  /** Results key: the server kind, or `werkplaats:<commit thread>` for a variant. */
  key: string;
  kind: ServerKind;
  label: string;
  env?: Record<string, string>;
}

/**
 * The COMMIT_THREAD settings Werkplaats runs with besides its default (`--commit-threads a,b` or
 * `none`; inline and worker on full runs, none on `--quick`; `split` on request).
 */
export const commitThreads = (option('commit-threads') ?? (quick ? 'none' : 'main,worker'))
  .split(',')
  .filter((thread) => thread && thread !== 'none');

/**
 * Whether the fan-out scenarios also run y-websocket with `synchronous=FULL` (full runs, unless
 * `--no-durable-ywebsocket`): it still relays before it appends, but each append is durable, as
 * each of our commits is before relay.
 */
const durableYwebsocket = !quick && !flag('no-durable-ywebsocket');

const THREAD_LABEL: Record<string, string> = {
  main: 'commits inline',
  worker: 'commits on the worker thread',
  split: 'fsync on the thread pool',
};

/** The entries of `scenario`, in the order they run in each round. */
export function entriesOf(scenario: Scenario): Entry[] {
  const entries: Entry[] = servers
    .filter((kind) => scenario.servers.includes(kind))
    .map((kind) => ({ key: kind, kind, label: LABEL[kind] }));
  if (!scenario.variants || !entries.some((entry) => entry.kind === 'werkplaats')) return entries;
  const variants = commitThreads.map((thread) => ({
    key: `werkplaats:${thread}`,
    kind: 'werkplaats' as const,
    label: `Werkplaats, ${THREAD_LABEL[thread] ?? thread} (COMMIT_THREAD=${thread})`,
    env: { COMMIT_THREAD: thread },
  }));
  const at = entries.findIndex((entry) => entry.kind === 'werkplaats') + 1;
  const withThreads = [...entries.slice(0, at), ...variants, ...entries.slice(at)];
  const yws = withThreads.findIndex((entry) => entry.kind === 'ywebsocket') + 1;
  if (!durableYwebsocket || yws === 0) return withThreads;
  const durable: Entry = {
    key: 'ywebsocket:full',
    kind: 'ywebsocket',
    label: `${LABEL.ywebsocket}, every append fsynced (synchronous=FULL)`,
    env: { BENCH_YWS_SYNCHRONOUS: 'FULL' },
  };
  return [...withThreads.slice(0, yws), durable, ...withThreads.slice(yws)];
}
