import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_RESET_PATH } from '../../../server/commands/passwordReset';
import { startPostgresCluster, type PostgresCluster } from '../../support/postgres';
import { connectRaw } from '../../support/rawclient';
import { startTestServer, TEST_PASSWORD, uniqueEmail, type TestServer } from '../../support/server';
import { runAdmin } from './adminSupport';

// `npm run admin` against a running server, on SQLite (a second connection to DATA_DIR's file) and
// on PostgreSQL (a database of a cluster of this file's own: tests/server/cli is not run in the
// postgres project).

const NEW_PASSWORD = 'een heel nieuw wachtwoord';

describe.each(['sqlite', 'postgres'] as const)('npm run admin on %s', (engine) => {
  let cluster: PostgresCluster | undefined;
  let server: TestServer;
  let adminEnv: Record<string, string>;

  beforeAll(async () => {
    let databaseUrl: string | undefined;
    if (engine === 'postgres') {
      cluster = await startPostgresCluster();
      databaseUrl = await cluster.createDatabase();
    }
    server = await startTestServer(databaseUrl ? { DATABASE_URL: databaseUrl } : {});
    adminEnv = { DATA_DIR: server.dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
  });

  afterAll(async () => {
    await server?.close();
    await cluster?.stop();
  });

  const login = (email: string, password: string) =>
    server.request('POST', '/api/auth/login', { body: { email, password } });

  it('creates a user from a password on stdin, who can then log in', async () => {
    const email = uniqueEmail('Beheer Nieuw');
    const run = await runAdmin(
      ['create-user', '--email', email, '--name', 'Beheer Nieuw'],
      adminEnv,
      `${TEST_PASSWORD}\n`,
    );
    expect(run, run.stderr).toMatchObject({ code: 0 });
    expect(run.stdout).toContain(`created ${email}`);
    expect((await login(email, TEST_PASSWORD)).status).toBe(200);
    // Taken, invalid password, missing option, no command: usage errors (1) with a clear text.
    const again = await runAdmin(
      ['create-user', '--email', email, '--name', 'X'],
      adminEnv,
      `${TEST_PASSWORD}\n`,
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    const short = await runAdmin(
      ['create-user', '--email', uniqueEmail('Kort'), '--name', 'K'],
      adminEnv,
      'kort\n',
    );
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('password');
    const noName = await runAdmin(['create-user', '--email', uniqueEmail('Naamloos')], adminEnv);
    expect(noName.code).toBe(1);
    expect(noName.stderr).toContain('Usage: npm run admin');
  });

  it('lists users with their flags, and make-admin marks one', async () => {
    const user = await server.signUp('Lijst Persoon');
    expect((await runAdmin(['make-admin', '--email', user.email.toUpperCase()], adminEnv)).code).toBe(0);
    const run = await runAdmin(['list-users'], adminEnv);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('email\tname\tcreated\tflags');
    const row = lines.find((line) => line.startsWith(`${user.email}\t`))?.split('\t');
    expect(row?.[1]).toBe('Lijst Persoon');
    expect(Date.parse(row?.[2] ?? '')).toBeGreaterThan(Date.now() - 3_600_000);
    expect(row?.[3]).toBe('admin');
  });

  it('prints a one-time reset link that sets a new password, ends every session and works once', async () => {
    const user = await server.signUp('Vergeetachtig');
    const run = await runAdmin(['reset-password', '--email', user.email], {
      ...adminEnv,
      PUBLIC_ORIGIN: 'https://werkplaats.example.nl',
    });
    expect(run, run.stderr).toMatchObject({ code: 0 });
    const link = run.stdout.trim();
    expect(link).toMatch(new RegExp(`^https://werkplaats\\.example\\.nl${PASSWORD_RESET_PATH}[a-z2-7]+$`));
    const token = link.slice(link.lastIndexOf('/') + 1);
    // Base32: 5 bits a character; at least 128 bits of randomness.
    expect(token.length * 5).toBeGreaterThanOrEqual(128);

    const reset = (password: string) =>
      server.request('POST', `/api/auth/password-reset/${token}`, { body: { password } });
    expect((await reset(NEW_PASSWORD)).status).toBe(204);
    expect((await server.request('GET', '/api/me', { cookie: user.cookie })).status).toBe(401);
    expect((await login(user.email, NEW_PASSWORD)).status).toBe(200);
    const reused = await reset('nog een ander wachtwoord');
    expect(reused.status).toBe(410);
    expect(((await reused.json()) as { error: { message: string } }).error.message).toContain('verlopen');
  });

  it('sets a password read from stdin with --stdin, ending every session', async () => {
    const user = await server.signUp('Direct Herstel');
    const run = await runAdmin(
      ['reset-password', '--email', user.email, '--stdin'],
      adminEnv,
      `${NEW_PASSWORD}\n`,
    );
    expect(run, run.stderr).toMatchObject({ code: 0 });
    expect((await server.request('GET', '/api/me', { cookie: user.cookie })).status).toBe(401);
    expect((await login(user.email, TEST_PASSWORD)).status).toBe(401);
    expect((await login(user.email, NEW_PASSWORD)).status).toBe(200);
    // A piped line without --stdin is a password too (no link is printed then).
    const piped = await runAdmin(['reset-password', '--email', user.email], adminEnv, `${TEST_PASSWORD}\n`);
    expect(piped, piped.stderr).toMatchObject({ code: 0 });
    expect(piped.stdout).not.toContain(PASSWORD_RESET_PATH);
    expect((await login(user.email, TEST_PASSWORD)).status).toBe(200);
  });

  /**
   * Disables `user` while a socket of theirs is open: how the socket closed, and how long after the
   * command finished (negative: before it exited).
   */
  async function disableWhileConnected(user: { email: string; cookie: string }, docId: string) {
    const socket = connectRaw(server.wsUrl, docId, { cookie: user.cookie });
    await socket.opened;
    await socket.roundTrip();
    const closedAt = socket.closed.then((info) => ({ ...info, at: Date.now() }));
    const run = await runAdmin(['disable-user', '--email', user.email], adminEnv);
    const doneAt = Date.now();
    expect(run, run.stderr).toMatchObject({ code: 0 });
    expect(run.stdout).toContain('ended 1 session');
    const closed = await closedAt;
    return { reason: closed.reason, lagMs: closed.at - doneAt };
  }

  it('disable-user closes a live socket within seconds; the user gets 401, then 403 at login', async () => {
    const owner = await server.owner();
    const docId = await server.createDocument({ title: 'Uitschakelen' });
    // The server learns it from session_ends (read every 2 s). Its own 30 s session sweep may happen
    // to close the socket first ("sessie verlopen"); right after a sweep, a second try cannot meet one.
    let outcome = await disableWhileConnected(owner, docId);
    if (outcome.reason === 'sessie verlopen') {
      expect((await runAdmin(['enable-user', '--email', owner.email], adminEnv)).code).toBe(0);
      outcome = await disableWhileConnected(await server.logIn(owner), docId);
    }
    expect(outcome.reason).toBe('account uitgeschakeld');
    expect(outcome.lagMs).toBeLessThan(3_000);

    expect((await server.request('GET', '/api/me', { cookie: owner.cookie })).status).toBe(401);
    const refused = await login(owner.email, TEST_PASSWORD);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain(
      'uitgeschakeld',
    );
    // A wrong password still gets the ordinary 401: "disabled" is only told to the owner.
    expect((await login(owner.email, 'niet het wachtwoord')).status).toBe(401);

    expect((await runAdmin(['enable-user', '--email', owner.email], adminEnv)).code).toBe(0);
    expect((await login(owner.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('answers 2 for an unknown user and 1 for an unknown command', async () => {
    const missing = await runAdmin(['disable-user', '--email', 'niemand@werkplaats.test'], adminEnv);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No user');
    const unknown = await runAdmin(['drop-everything'], adminEnv);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Usage: npm run admin');
    if (engine === 'sqlite') {
      // A mistyped DATA_DIR is refused, not given a fresh database nobody serves.
      const nowhere = await runAdmin(['list-users'], { DATA_DIR: `${server.dataDir}-verkeerd` });
      expect(nowhere.code).toBe(1);
      expect(nowhere.stderr).toContain('No database');
    }
  });
});
