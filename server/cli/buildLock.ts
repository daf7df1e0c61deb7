import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { log } from '../log';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The lock every build step of `npm start` takes (client build, server bundle). */
export const BUILD_LOCK = path.join(root, 'dist/.build.lock');

/** How often a waiting build looks at the lock again. */
const POLL_MS = 200;
/** An empty lock file older than this was left by a process that died between creating and filling it. */
const EMPTY_GRACE_MS = 5_000;
/** No build takes this long: an older lock belongs to a dead process whose pid has been reused. */
const MAX_HOLD_MS = 10 * 60_000;

/** Locks this process holds, so a build step that takes the lock may call another that does too. */
const held = new Set<string>();

/**
 * Runs `fn` holding `lockPath` exclusively, so two `npm start`s in one checkout build one after the
 * other and the second finds the first's result. The lock is a file created with `wx` (atomic,
 * fails if it exists) holding the owner's pid. A lock whose owner is gone (killed mid-build) is taken
 * over. Two waiters taking over the same stale lock at once may both build; that stays safe, as
 * every build publishes only by renames, but does the work twice.
 */
export async function withBuildLock<T>(fn: () => Promise<T>, lockPath = BUILD_LOCK): Promise<T> {
  if (held.has(lockPath)) return fn();
  await acquire(lockPath);
  held.add(lockPath);
  try {
    return await fn();
  } finally {
    held.delete(lockPath);
    release(lockPath);
  }
}

async function acquire(lockPath: string): Promise<void> {
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  let announced = false;
  for (;;) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(lockPath);
    if (holder === 'gone') continue;
    if (isStale(holder)) {
      log.warn('taking over a stale build lock', { lock: lockPath, pid: holder.pid });
      // Only if it is still the lock judged stale, not one a faster waiter has just created.
      const again = readHolder(lockPath);
      if (again !== 'gone' && again.key === holder.key) fs.rmSync(lockPath, { force: true });
      continue;
    }
    if (!announced) log.info('waiting for another build to finish', { pid: holder.pid });
    announced = true;
    await sleep(POLL_MS);
  }
}

interface Holder {
  pid: number | undefined;
  since: number;
  /** Content and mtime: tells this lock file from a newer one at the same path. */
  key: string;
}

function readHolder(lockPath: string): Holder | 'gone' {
  try {
    const since = fs.statSync(lockPath).mtimeMs;
    const text = fs.readFileSync(lockPath, 'utf8');
    const pid = /^\d+$/.test(text) ? Number(text) : undefined;
    return { pid, since, key: `${text}@${since}` };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
}

function isStale({ pid, since }: Holder): boolean {
  const age = Date.now() - since;
  if (age > MAX_HOLD_MS) return true;
  if (pid === undefined) return age > EMPTY_GRACE_MS;
  return !isAlive(pid);
}

/**
 * Removes the staging directories (`prefix*` in `dir`) that builds killed midway left behind: any
 * older than a build can take. Called under the lock.
 */
export function removeLeftoverStaging(dir: string, prefix: string): void {
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    const full = path.join(dir, name);
    if (name.startsWith(prefix) && Date.now() - fs.statSync(full).mtimeMs > MAX_HOLD_MS)
      fs.rmSync(full, { recursive: true, force: true });
  }
}

/** True when a process with this pid exists (EPERM: it exists but belongs to another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function release(lockPath: string): void {
  // A lock taken over from us (we were judged stale) is no longer ours to remove.
  const holder = readHolder(lockPath);
  if (holder !== 'gone' && holder.pid === process.pid) fs.rmSync(lockPath, { force: true });
}
