import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withBuildLock } from '../../../server/cli/buildLock';
import { ASSET_RETENTION_MS, publishClient } from '../../../server/cli/clientPublish';
import { KEEP_NEWEST, pruneBundles } from '../../../server/cli/serverBundles';

// The rules that let builds run beside instances of the same checkout: one build at a time, old
// client assets kept for a while, old server bundles kept while a process runs them.

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'werkplaats-build-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const DAY = 24 * 60 * 60_000;

function write(file: string, content = file, ageMs = 0): void {
  const full = path.join(dir, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, content);
  const time = (Date.now() - ageMs) / 1000;
  fs.utimesSync(full, time, time);
}

/** A process that lives until killed, and one that has already exited (its pid is free). */
function liveProcess() {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  return { pid: child.pid!, exited: new Promise((resolve) => child.once('exit', resolve)), child };
}

describe('the build lock', () => {
  it('waits while a live process holds it, takes it over when that process dies, and removes it after', async () => {
    const lock = path.join(dir, 'build.lock');
    const holder = liveProcess();
    fs.writeFileSync(lock, String(holder.pid));
    let ran = false;
    const build = withBuildLock(async () => {
      ran = true;
      expect(fs.readFileSync(lock, 'utf8')).toBe(String(process.pid));
    }, lock);
    await sleep(1_000);
    expect(ran).toBe(false);
    holder.child.kill('SIGKILL');
    await holder.exited;
    await build;
    expect(ran).toBe(true);
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('takes over a lock left empty by a process that died while taking it', async () => {
    const lock = path.join(dir, 'build.lock');
    write('build.lock', '', 60_000);
    await withBuildLock(async () => {}, lock);
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('is released by its holder and then taken by the waiting build', async () => {
    const lock = path.join(dir, 'build.lock');
    const order = path.join(dir, 'order');
    // Another process holds the lock for 800 ms, then releases it as withBuildLock does.
    const other = spawn(
      process.execPath,
      [
        '-e',
        `const fs = require('node:fs');
         fs.writeFileSync(${JSON.stringify(lock)}, String(process.pid));
         setTimeout(() => { fs.appendFileSync(${JSON.stringify(order)}, 'other;'); fs.rmSync(${JSON.stringify(lock)}); }, 800);`,
      ],
      { stdio: 'ignore' },
    );
    const exited = new Promise((resolve) => other.once('exit', resolve));
    while (!fs.existsSync(lock)) await sleep(20);
    await withBuildLock(async () => fs.appendFileSync(order, 'this;'), lock);
    expect(fs.readFileSync(order, 'utf8')).toBe('other;this;');
    await exited;
  });
});

describe('publishing a client build', () => {
  it('adds the new files, replaces index.html, keeps recent old assets and removes week-old ones', () => {
    write('client/index.html', 'old page', DAY);
    write('client/assets/recent-old.js', 'x', DAY);
    write('client/assets/stale-old.js', 'x', ASSET_RETENTION_MS + DAY);
    write('client/assets/kept-a.js', 'same bytes', ASSET_RETENTION_MS + DAY);
    write('staging/index.html', 'new page');
    write('staging/assets/kept-a.js', 'same bytes');
    write('staging/assets/new-b.js', 'new');
    const builtAt = new Date(Date.now() - 5_000);

    publishClient(path.join(dir, 'staging'), path.join(dir, 'client'), builtAt);

    const client = path.join(dir, 'client');
    expect(fs.readFileSync(path.join(client, 'index.html'), 'utf8')).toBe('new page');
    expect(fs.statSync(path.join(client, 'index.html')).mtimeMs).toBe(builtAt.getTime());
    expect(fs.readdirSync(path.join(client, 'assets')).sort()).toEqual([
      'kept-a.js',
      'new-b.js',
      'recent-old.js',
    ]);
    // Part of this build: its retention starts again now.
    expect(Date.now() - fs.statSync(path.join(client, 'assets/kept-a.js')).mtimeMs).toBeLessThan(60_000);
  });
});

describe('publishing the compressed copies of the page', () => {
  it('moves them with index.html and removes copies a new build does not have', () => {
    write('client/index.html', 'old page', ASSET_RETENTION_MS + DAY);
    write('client/index.html.br', 'old br', ASSET_RETENTION_MS + DAY);
    write('client/index.html.gz', 'old gz', ASSET_RETENTION_MS + DAY);
    write('staging/index.html', 'new page');
    write('staging/index.html.br', 'new br');
    write('staging/index.html.gz', 'new gz');
    const client = path.join(dir, 'client');

    publishClient(path.join(dir, 'staging'), client, new Date());
    expect(fs.readFileSync(path.join(client, 'index.html.br'), 'utf8')).toBe('new br');
    expect(fs.readFileSync(path.join(client, 'index.html.gz'), 'utf8')).toBe('new gz');

    // A build without copies (compression failed or turned off): the old copies would be a stale page.
    write('staging/index.html', 'newest page');
    publishClient(path.join(dir, 'staging'), client, new Date());
    expect(fs.readdirSync(client).sort()).toEqual(['index.html']);
  });
});

describe('pruning server bundles', () => {
  it(`keeps the ${KEEP_NEWEST} newest and any a live process runs; forgets processes that are gone`, async () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f'].map((letter) => letter.repeat(16));
    // names[0] is the oldest, names[5] the newest.
    names.forEach((name, index) => {
      write(`${name}/start.mjs`);
      const time = (Date.now() - (names.length - index) * 60_000) / 1000;
      fs.utimesSync(path.join(dir, name), time, time);
    });
    const gone = liveProcess();
    gone.child.kill('SIGKILL');
    await gone.exited;
    write(`.running/${process.pid}`, names[0]!);
    write(`.running/${gone.pid}`, names[1]!);
    write('start.mjs', 'launcher');
    write('chunk-OLDLAYOUT.mjs', 'not a bundle directory');

    pruneBundles(names[5]!, dir);

    expect(fs.readdirSync(dir).sort()).toEqual(
      ['.running', 'chunk-OLDLAYOUT.mjs', names[0], names[3], names[4], names[5], 'start.mjs'].sort(),
    );
    expect(fs.readdirSync(path.join(dir, '.running'))).toEqual([String(process.pid)]);
  });
});
