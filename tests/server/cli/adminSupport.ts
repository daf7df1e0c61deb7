import { spawn } from 'node:child_process';
import { REPO_ROOT } from '../../support/server';

/** What one `npm run admin` run did. */
export interface AdminRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `server/cli/admin.ts` as a child process, as `npm run admin -- …` does, against `env` (the
 * running server's DATA_DIR or DATABASE_URL). `input` is written to stdin, which is then closed.
 */
export function runAdmin(
  args: string[],
  env: Record<string, string | undefined>,
  input = '',
): Promise<AdminRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/admin.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: undefined, PUBLIC_ORIGIN: undefined, LOG_LEVEL: 'warn', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(input);
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}
