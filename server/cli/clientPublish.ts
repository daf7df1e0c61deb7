import fs from 'node:fs';
import path from 'node:path';

/**
 * How long an asset stays after the last build that contained it. A browser tab keeps the
 * index.html it loaded and fetches lazily loaded chunks named there later, maybe days later; a week
 * covers a tab left open over a weekend while keeping the directory from growing without bound.
 */
export const ASSET_RETENTION_MS = 7 * 24 * 60 * 60_000;

/** The page the server sends for every client route; the one file not named by its content. */
const INDEX = 'index.html';
/** The page's precompressed copies (the precompress plugin in vite.config.ts): published with it, never pruned. */
const INDEX_COPIES = [`${INDEX}.br`, `${INDEX}.gz`];
const PAGE_FILES = new Set([INDEX, ...INDEX_COPIES]);

/**
 * Moves a finished client build from `staging` into `target`, which running instances serve. Assets
 * go first, each by one rename (a hashed name always holds the same bytes, so replacing one changes
 * nothing for a reader); index.html goes last (after its compressed copies), also by rename, so no request sees a half-written
 * page or a page naming an asset not there yet. Nothing an older page names is removed:
 * assets leave only after ASSET_RETENTION_MS outside every published build.
 * `builtAt` (the build's start) becomes index.html's mtime, so a source saved during the build
 * still counts as newer than the build.
 */
export function publishClient(staging: string, target: string, builtAt: Date, now = Date.now()): void {
  const files = listFiles(staging).filter((file) => !PAGE_FILES.has(file));
  fs.mkdirSync(target, { recursive: true });
  for (const file of files) {
    const destination = path.join(target, file);
    fs.mkdirSync(path.dirname(destination), { recursive: true });
    fs.renameSync(path.join(staging, file), destination);
    // The mtime says when an asset last belonged to a published build (retention counts from it).
    fs.utimesSync(destination, now / 1000, now / 1000);
  }
  // A copy this build lacks would be a stale page; the rest is there already, so either page works.
  for (const copy of INDEX_COPIES) {
    if (fs.existsSync(path.join(staging, copy)))
      fs.renameSync(path.join(staging, copy), path.join(target, copy));
    else fs.rmSync(path.join(target, copy), { force: true });
  }
  fs.utimesSync(path.join(staging, INDEX), builtAt, builtAt);
  fs.renameSync(path.join(staging, INDEX), path.join(target, INDEX));
  pruneAssets(target, new Set(files), now);
}

function pruneAssets(target: string, current: Set<string>, now: number): void {
  for (const file of listFiles(target)) {
    if (PAGE_FILES.has(file) || current.has(file)) continue;
    const full = path.join(target, file);
    if (now - fs.statSync(full).mtimeMs > ASSET_RETENTION_MS) fs.rmSync(full, { force: true });
  }
}

/** Paths of every file under `dir`, relative to it, with `/` separators. */
export function listFiles(dir: string, prefix = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(path.join(dir, entry.name), relative) : [relative];
  });
}
