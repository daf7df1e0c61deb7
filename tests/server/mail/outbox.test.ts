import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/server';
import { startTestSmtp, type TestSmtp } from '../../support/smtp';

// The outbox: an SMTP outage delays mail, never loses or doubles it, and a restart resumes it.

let smtp: TestSmtp;
let server: TestServer;

beforeAll(async () => {
  smtp = await startTestSmtp();
  server = await startTestServer({ SMTP_URL: smtp.url, MAIL_RETRY_SECONDS: '0.2' });
});

afterAll(async () => {
  await server.close();
  await smtp.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const requestReset = (email: string) =>
  server.request('POST', '/api/auth/password-reset', { body: { email } });

const outboxRow = async (recipient: string) =>
  server.running.deps.database.db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('recipient', '=', recipient)
    .executeTakeFirstOrThrow();

describe('mail outbox', () => {
  it('SMTP down: the request still answers at once; the mail arrives after SMTP is back, once', async () => {
    const user = await server.signUp('Storing Eerst');
    await smtp.stop();
    const started = Date.now();
    expect((await requestReset(user.email)).status).toBe(202);
    expect(Date.now() - started).toBeLessThan(2_000);
    // Attempts fail and are retried while the server is down.
    await expect
      .poll(async () => (await outboxRow(user.email)).attempts, { timeout: 10_000 })
      .toBeGreaterThan(1);
    expect((await outboxRow(user.email)).last_error).toBeTruthy();
    expect(smtp.to(user.email)).toEqual([]);

    await smtp.start();
    await smtp.waitFor(user.email);
    // Later rounds find nothing more to send for it.
    await sleep(1_000);
    await server.running.deps.mail.flush();
    expect(smtp.to(user.email)).toHaveLength(1);
    const row = await outboxRow(user.email);
    expect(row.sent_at).not.toBeNull();
    // The reset link leaves the database once it is sent.
    expect(row.text_body).toBe('');
    expect(row.html_body).toBe('');
  });

  it('a restart resumes the outbox', async () => {
    const user = await server.signUp('Herstart Mail');
    await smtp.stop();
    expect((await requestReset(user.email)).status).toBe(202);
    await expect
      .poll(async () => (await outboxRow(user.email)).attempts, { timeout: 10_000 })
      .toBeGreaterThan(0);
    await server.restart();
    await smtp.start();
    await smtp.waitFor(user.email);
    await sleep(500);
    await server.running.deps.mail.flush();
    expect(smtp.to(user.email)).toHaveLength(1);
  });
});
