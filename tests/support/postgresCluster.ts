import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The OS identity PostgreSQL's processes run as; undefined means the current user. */
export interface RunAs {
  uid: number;
  gid: number;
}

/** How pg_ctl stops the server: `fast` checkpoints first, `immediate` leaves recovery to the next start. */
export type StopMode = 'fast' | 'immediate';

/** Seconds pg_ctl waits for a start or stop (its own default is 60). */
const PG_CTL_TIMEOUT_SECONDS = 60;
/** How long a start keeps retrying while a killed server's processes linger. */
const START_RETRY_MS = 30_000;
/** How long destroy() waits for an immediate shutdown; it usually takes tens of milliseconds. */
const QUIT_WAIT_MS = 5_000;
/** File in a server's directory naming the process that owns it (see sweepAbandoned). */
const OWNER_FILE = 'owner.pid';

/**
 * The directory holding initdb and pg_ctl: `PG_BIN`, else the one of `initdb` on PATH, else the
 * newest `<root>/<major>/bin` (Debian's layout). Throws with what to install when none is found.
 */
export function findPostgresBin(
  env: NodeJS.ProcessEnv = process.env,
  debianRoot = '/usr/lib/postgresql',
): string {
  if (env.PG_BIN) {
    if (!isExecutable(path.join(env.PG_BIN, 'initdb'))) {
      throw new Error(`PG_BIN=${env.PG_BIN} holds no executable initdb`);
    }
    return env.PG_BIN;
  }
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const initdb = path.join(dir, 'initdb');
    // Resolved, so that pg_ctl beside it is the same installation even when PATH holds symlinks.
    if (isExecutable(initdb)) return path.dirname(fs.realpathSync(initdb));
  }
  const majors = fs.existsSync(debianRoot)
    ? fs
        .readdirSync(debianRoot)
        .filter(
          (name) => /^\d+(\.\d+)?$/.test(name) && isExecutable(path.join(debianRoot, name, 'bin', 'initdb')),
        )
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (majors[0]) return path.join(debianRoot, majors[0], 'bin');
  throw new Error(
    'PostgreSQL not found: set PG_BIN to the directory holding initdb and pg_ctl, put initdb on PATH, ' +
      "or install Debian's postgresql package (apt-get install postgresql).",
  );
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The user PostgreSQL runs as. PostgreSQL refuses to run as root, so as root this is `postgres`
 * when that user exists, else `nobody`; otherwise the current user.
 */
export function postgresRunAs(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ['postgres', 'nobody']) {
    try {
      const id = (flag: string) => Number(execFileSync('id', [flag, name], { encoding: 'utf8' }).trim());
      return { uid: id('-u'), gid: id('-g') };
    } catch {
      // No such user: try the next one.
    }
  }
  throw new Error('Running as root, but neither a postgres nor a nobody user exists to run PostgreSQL as');
}

/**
 * One PostgreSQL server in a directory of its own (`data/`, `postgres.log`, the unix socket),
 * driven through initdb and pg_ctl as `runAs`.
 */
export class PostgresServer {
  readonly dataDir: string;
  readonly logFile: string;
  private running = false;

  constructor(
    readonly bin: string,
    readonly dir: string,
    readonly runAs: RunAs | undefined,
  ) {
    this.dataDir = path.join(dir, 'data');
    this.logFile = path.join(dir, 'postgres.log');
    if (runAs) fs.chownSync(dir, runAs.uid, runAs.gid);
    fs.writeFileSync(path.join(dir, OWNER_FILE), `${process.pid}`);
  }

  /** Creates the cluster with `superuser` as its superuser, and `hba` as its pg_hba.conf. */
  async init(superuser: string, hba: string): Promise<void> {
    // -N (no sync): a throwaway cluster need not survive a power cut before its first start.
    const options = ['-U', superuser, '--auth=trust', '--encoding=UTF8', '--no-locale', '-N'];
    await this.run('initdb', ['-D', this.dataDir, ...options]);
    fs.writeFileSync(path.join(this.dataDir, 'pg_hba.conf'), hba);
  }

  /** Appends settings to postgresql.conf; a later line wins over an earlier one, so this also overrides. */
  configure(settings: Record<string, string | number>): void {
    const lines = Object.entries(settings).map(
      ([key, value]) => `${key} = '${String(value).replaceAll("'", "''")}'`,
    );
    fs.appendFileSync(path.join(this.dataDir, 'postgresql.conf'), `${lines.join('\n')}\n`);
  }

  /**
   * Starts the server and waits until it accepts connections. After kill() the old processes may
   * still hold the lock file or shared memory for a moment (or linger as unreaped zombies), which
   * PostgreSQL rightly refuses to start over; retried until they are gone.
   */
  async start(): Promise<void> {
    const deadline = Date.now() + START_RETRY_MS;
    for (;;) {
      const logStart = this.logSize();
      try {
        await this.pgCtl('start', '-l', this.logFile);
        this.running = true;
        return;
      } catch (error) {
        const log = this.logSince(logStart);
        const lingering = /lock file .* already exists|shared memory block .* is still in use/.test(log);
        if (!lingering || Date.now() > deadline)
          throw new Error(`${(error as Error).message}\n${log}`, { cause: error });
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }

  /** Stops the server; `fast` lets it checkpoint, `immediate` is a crash as far as the data is concerned. */
  async stop(mode: StopMode): Promise<void> {
    if (!this.running) return;
    await this.pgCtl('stop', '-m', mode);
    this.running = false;
  }

  /** SIGKILLs the postmaster and waits until it is gone; its backends notice and exit by themselves. */
  async kill(): Promise<void> {
    if (!this.running) return;
    const pid = postmasterPidOf(this.dataDir);
    process.kill(pid, 'SIGKILL');
    this.running = false;
    while (isAlive(pid)) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  /** Stops the server at once and deletes its directory; destroy() without blocking the event loop. */
  async remove(): Promise<void> {
    // When pg_ctl cannot stop it (it died, or its files are gone), signal the postmaster directly.
    await this.stop('immediate').catch(() => this.destroy());
    await fs.promises.rm(this.dir, { recursive: true, force: true, maxRetries: 5 });
  }

  /**
   * Synchronous, for exit handlers: an immediate shutdown (the postmaster still frees its shared
   * memory), then the directory deleted once the postmaster stopped writing into it.
   */
  destroy(): void {
    if (this.running) {
      this.running = false;
      quitPostmaster(this.dataDir, true);
    }
    fs.rmSync(this.dir, { recursive: true, force: true, maxRetries: 5 });
  }

  private spawnOptions() {
    // cwd inside our own directory: the postgres user may not be allowed into the caller's cwd.
    return { cwd: this.dir, env: { ...process.env, LC_ALL: 'C' }, ...this.runAs };
  }

  private pgCtlArgs(action: string, ...args: string[]): string[] {
    return [action, '-D', this.dataDir, '--wait', '--silent', `--timeout=${PG_CTL_TIMEOUT_SECONDS}`, ...args];
  }

  private pgCtl(action: string, ...args: string[]): Promise<void> {
    return this.run('pg_ctl', this.pgCtlArgs(action, ...args));
  }

  private run(program: string, args: string[]): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(path.join(this.bin, program), args, {
        ...this.spawnOptions(),
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => {
        if (code === 0) resolve();
        else reject(new Error(`${program} ${args[0] ?? ''} failed (exit ${code}): ${stderr.trim()}`));
      });
    });
  }

  private logSize(): number {
    return fs.existsSync(this.logFile) ? fs.statSync(this.logFile).size : 0;
  }

  private logSince(offset: number): string {
    if (!fs.existsSync(this.logFile)) return '';
    return fs.readFileSync(this.logFile).subarray(offset).toString('utf8').trim();
  }
}

/**
 * Removes the servers of processes that died without cleaning up (SIGKILL, a killed test worker):
 * the directories `<parent>/<prefix>*` whose owner process is gone.
 */
export function sweepAbandoned(parent: string, prefix: string): void {
  const names = fs.existsSync(parent) ? fs.readdirSync(parent) : [];
  for (const name of names.filter((entry) => entry.startsWith(prefix))) {
    const dir = path.join(parent, name);
    try {
      if (isAlive(Number(fs.readFileSync(path.join(dir, OWNER_FILE), 'utf8')))) continue;
      quitPostmaster(path.join(dir, 'data'));
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
    } catch {
      // No owner file yet (being created) or another user's: not ours to remove.
    }
  }
}

/** PID of the postmaster, from the first line of postmaster.pid. */
function postmasterPidOf(dataDir: string): number {
  return Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/**
 * Sends the postmaster of dataDir, if it still runs, SIGQUIT (immediate shutdown) and waits up to
 * QUIT_WAIT_MS for it to exit. Unless the server is known to run, checks first that the pid is that
 * postmaster's: pids get reused.
 */
function quitPostmaster(dataDir: string, knownRunning = false): void {
  let pid: number;
  try {
    pid = postmasterPidOf(dataDir);
    if (!knownRunning && !fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dataDir)) return;
    process.kill(pid, 'SIGQUIT');
  } catch {
    return; // No pid file, no such process, or no /proc to check it against.
  }
  // Synchronous sleep: this also runs in exit handlers, where nothing asynchronous happens anymore.
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  const deadline = Date.now() + QUIT_WAIT_MS;
  while (isAlive(pid) && Date.now() < deadline) Atomics.wait(sleeper, 0, 0, 10);
}

/** True while the process exists and is not a zombie waiting to be reaped by its new parent. */
function isAlive(pid: number): boolean {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    if (fs.existsSync('/proc')) return false;
    // No /proc (not Linux): signal 0 tells whether the pid exists.
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }
  // The state letter follows the parenthesised command name, which may itself contain spaces.
  return stat[stat.lastIndexOf(')') + 2] !== 'Z';
}
