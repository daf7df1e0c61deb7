import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDataDir, removeDataDir, REPO_ROOT } from '../../support/server';
import { waitFor } from '../../support/yclient';

const dataDir = makeDataDir();
afterAll(() => removeDataDir(dataDir));

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/api/health`)).ok;
  } catch {
    return false;
  }
}

describe('npm start', () => {
  it('stops cleanly when the shell npm runs it in is told to stop (SIGTERM reaches npm, not the server)', async () => {
    const script = (
      JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
        scripts: { start: string };
      }
    ).scripts.start;
    // What npm does: `sh -c "<script>"` with npm_lifecycle_event set; on SIGTERM it signals that shell.
    const shell = spawn('sh', ['-c', script], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        npm_lifecycle_event: 'start',
        HOST: '127.0.0.1',
        PORT: '0',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    shell.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    shell.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    await waitFor(
      () => /^LISTENING /m.test(output),
      () => `the server did not start:\n${output}`,
      90_000,
    );
    const url = /^LISTENING (\S+)$/m.exec(output)![1]!;
    expect(await answers(url)).toBe(true);

    shell.kill('SIGTERM');
    await waitFor(
      async () => !(await answers(url)),
      'the server kept running after its shell was stopped',
      10_000,
    );
    // A clean shutdown, not a crash: the server says so in its log (the pipes outlive the shell).
    await waitFor(
      () => output.includes('werkplaats stopped'),
      () => `no clean stop:\n${output.slice(-2000)}`,
    );
  }, 120_000);
});
