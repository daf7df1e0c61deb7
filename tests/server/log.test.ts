import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { log, setLogFormat, setLogLevel } from '../../server/log';
import { captureStderr } from '../reliability/support/stderr';
import { REPO_ROOT } from '../support/server';

/** Runs `body` (with `log` and `setLogFormat` in scope) in a fresh Node process; its stderr. */
function inChild(body: string): { status: number | null; stderr: string } {
  const script = `import('./server/log.ts').then(async ({ log, setLogFormat }) => { ${body} })`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: run.status, stderr: run.stderr };
}

describe('log', () => {
  let capture: ReturnType<typeof captureStderr> | undefined;
  afterEach(async () => {
    capture?.stop();
    setLogLevel('silent');
    await setLogFormat('json');
  });

  it('writes one JSON object per line: level name, ISO time, msg and the fields', () => {
    setLogLevel('info');
    capture = captureStderr();
    log.info('document geladen', { docId: 'd1', bytes: 12 });
    log.debug('not at info');
    const lines = capture.text().trim().split('\n');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'info', msg: 'document geladen', docId: 'd1', bytes: 12 });
    expect(new Date(String(line.time)).toISOString()).toBe(line.time);
  });

  it('never prints the value of a field named like a secret, at the top or one level down', () => {
    setLogLevel('info');
    capture = captureStderr();
    const fields = { password: 'pw-1', token: 'tk-2', cookie: 'ck-3', authorization: 'Bearer az-4' };
    log.warn('odd call site', { ...fields, request: { ...fields, secret: 'sc-5' } });
    const text = capture.text();
    for (const value of ['pw-1', 'tk-2', 'ck-3', 'az-4', 'sc-5']) expect(text).not.toContain(value);
    expect(text).toContain('[redacted]');
  });

  it('LOG_FORMAT=pretty prints readable lines, redacted the same way', async () => {
    setLogLevel('info');
    await setLogFormat('pretty');
    capture = captureStderr();
    log.warn('rustig aan', { password: 'pw-1', docId: 'd1' });
    const text = capture.text();
    expect(text).toMatch(/WARN.*rustig aan/);
    expect(text).toContain('"docId":"d1"');
    expect(text).not.toContain('pw-1');
    expect(() => JSON.parse(text.trim().split('\n')[0]!) as unknown).toThrow();
  });

  it.each(['json', 'pretty'])(
    'as %s, still has every line on stderr when the process exits right after logging',
    (format) => {
      const lines = 5_000;
      const run = inChild(
        `await setLogFormat('${format}');` +
          `for (let i = 0; i < ${lines}; i++) log.error('line ' + i, { filler: 'x'.repeat(200) });` +
          'process.exit(3);',
      );
      expect(run.status).toBe(3);
      expect(run.stderr).toContain(`line ${lines - 1}`);
      expect(run.stderr.match(/line \d+/g)).toHaveLength(lines);
    },
    60_000,
  );

  it('a server that cannot start says why in one JSON error line, and exits 1', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/serve.ts'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: 'not-a-port',
        DATA_DIR: path.join(os.tmpdir(), 'werkplaats-not-created'),
      },
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 'error',
      msg: 'crashed',
      error: expect.stringContaining('Invalid configuration: PORT'),
    });
  }, 60_000);
});
