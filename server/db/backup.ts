import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { log } from '../log';
import { DATABASE_FILE, type Db } from './connection';

/** Folder inside DATA_DIR that holds the backups. */
export const BACKUP_DIR = 'backups';

const BACKUP_NAME = /^werkplaats-\d{8}-\d{6}-\d{3}\.sqlite$/;

/** DATA_DIR/backups. */
export function backupDir(dataDir: string): string {
  return path.join(dataDir, BACKUP_DIR);
}

function stamp(date: Date): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return (
    `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}-` +
    `${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}-` +
    pad(date.getUTCMilliseconds(), 3)
  );
}

/** Backups in DATA_DIR/backups, oldest first (names sort by time). */
export function listBackups(dataDir: string): string[] {
  const dir = backupDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => BACKUP_NAME.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

/** Throws unless `file` is a complete, consistent Werkplaats database. */
export function verifyBackup(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`integrity_check of ${file}: ${String(result)}`);
    const tables = db
      .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'doc_updates'")
      .pluck()
      .all();
    if (tables.length === 0) throw new Error(`${file} is not a Werkplaats database (no doc_updates)`);
  } finally {
    db.close();
  }
}

/**
 * Online backup of `db` (SQLite's backup API through better-sqlite3: consistent, while the server
 * keeps writing) into DATA_DIR/backups/werkplaats-<UTC time>.sqlite. Written under a temporary name,
 * checked, then renamed, so a crash mid-backup never leaves a file that looks like a backup. Keeps
 * the newest `keep` backups. Resolves with the new file.
 */
export async function backupDatabase(db: Db, dataDir: string, keep: number): Promise<string> {
  const dir = backupDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  let name = `werkplaats-${stamp(new Date())}.sqlite`;
  // Two backups within one millisecond (tests) must not overwrite each other.
  while (fs.existsSync(path.join(dir, name))) {
    await new Promise((resolve) => setTimeout(resolve, 2));
    name = `werkplaats-${stamp(new Date())}.sqlite`;
  }
  const target = path.join(dir, name);
  const partial = `${target}.partial`;
  const started = performance.now();
  try {
    await db.backup(partial);
    verifyBackup(partial);
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  const pruned = pruneBackups(dataDir, keep);
  log.info('backup written', {
    file: target,
    bytes: fs.statSync(target).size,
    ms: Math.round(performance.now() - started),
    pruned,
  });
  return target;
}

/** Removes all but the newest `keep` backups; returns how many were removed. */
export function pruneBackups(dataDir: string, keep: number): number {
  const backups = listBackups(dataDir);
  const old = backups.slice(0, Math.max(0, backups.length - keep));
  for (const file of old) fs.rmSync(file, { force: true });
  return old.length;
}

/** Backups on a timer; stop() waits for one in progress (shutdown closes the database after it). */
export function scheduleBackups(
  db: Db,
  dataDir: string,
  options: { intervalMs: number; keep: number },
): { stop(): Promise<void>; runNow(): Promise<string | undefined> } {
  let current: Promise<string | undefined> | undefined;
  let stopped = false;
  const runNow = () => {
    if (stopped) return Promise.resolve(undefined);
    current ??= backupDatabase(db, dataDir, options.keep)
      .catch((error: unknown) => {
        log.error('backup failed', { error: error instanceof Error ? error.message : String(error) });
        return undefined;
      })
      .finally(() => (current = undefined));
    return current;
  };
  const timer = options.intervalMs > 0 ? setInterval(() => void runNow(), options.intervalMs) : undefined;
  timer?.unref();
  return {
    runNow,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await current;
    },
  };
}

/**
 * Replaces DATA_DIR's database with `backupFile`. Run it with the server stopped. The backup is
 * checked first; the current database (and its -wal/-shm files) is kept next to it as
 * `werkplaats.sqlite.before-restore-<time>`, so a restore can itself be undone. Returns that name.
 */
export function restoreBackup(dataDir: string, backupFile: string): string | undefined {
  verifyBackup(backupFile);
  const live = path.join(dataDir, DATABASE_FILE);
  let kept: string | undefined;
  const suffix = `.before-restore-${stamp(new Date())}`;
  for (const extension of ['', '-wal', '-shm']) {
    const file = `${live}${extension}`;
    if (!fs.existsSync(file)) continue;
    const aside = `${live}${suffix}${extension}`;
    fs.renameSync(file, aside);
    if (extension === '') kept = aside;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const partial = `${live}.restoring`;
  fs.copyFileSync(backupFile, partial);
  fs.renameSync(partial, live);
  return kept;
}
