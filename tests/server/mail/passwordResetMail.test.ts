import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRaw } from '../../support/rawclient';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../../support/server';
import { linkIn, startTestSmtp, type TestSmtp } from '../../support/smtp';

// "Wachtwoord vergeten" by mail, end to end against a real SMTP receiver on loopback.

const NEW_PASSWORD = 'terug binnen via de mail';

let smtp: TestSmtp;
let server: TestServer;

beforeAll(async () => {
  smtp = await startTestSmtp();
  server = await startTestServer({
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Werkplaats Test <noreply@werkplaats.test>',
    RESET_MAILS_PER_EMAIL_PER_HOUR: '2',
  });
});

afterAll(async () => {
  await server.close();
  await smtp.stop();
});

const requestReset = (email: string) =>
  server.request('POST', '/api/auth/password-reset', { body: { email } });

describe('POST /api/auth/password-reset', () => {
  it('mail → link → new password: the old password and every old session end', async () => {
    const user = await server.signUp('Mail Herstel');
    const teamId = await server.createTeam(user);
    const created = await server.request('POST', '/api/documents', { cookie: user.cookie, body: { teamId } });
    const { id: docId } = (await created.json()) as { id: string };
    const socket = connectRaw(server.wsUrl, docId, { cookie: user.cookie });
    await socket.opened;

    const response = await requestReset(user.email.toUpperCase());
    expect(response.status).toBe(202);
    const [mail] = await smtp.waitFor(user.email);
    expect(mail!.parsed.headerLines.find((line) => line.key === 'from')?.line).toBe(
      'From: Werkplaats Test <noreply@werkplaats.test>',
    );
    expect(mail!.parsed.subject).toBe('Nieuw wachtwoord kiezen voor Werkplaats');
    const link = linkIn(mail!.parsed.text, `${server.url}/wachtwoord-herstellen/`);
    // The same link in the HTML part, as a link with words (not "klik hier").
    expect(mail!.parsed.html).toContain(`href="${link}"`);
    expect(mail!.parsed.html).toContain('Nieuw wachtwoord kiezen</a>');
    expect(mail!.parsed.html).toContain('<html lang="nl">');
    const token = link.slice(link.lastIndexOf('/') + 1);
    // ≥ 128 bits of randomness in the token.
    expect(token.length).toBeGreaterThanOrEqual(22);

    const redeemed = await server.request('POST', `/api/auth/password-reset/${token}`, {
      body: { password: NEW_PASSWORD },
    });
    expect(redeemed.status).toBe(204);
    expect((await socket.closed).reason).toBe('wachtwoord hersteld');
    expect((await server.request('GET', '/api/me', { cookie: user.cookie })).status).toBe(401);
    const login = (password: string) =>
      server.request('POST', '/api/auth/login', { body: { email: user.email, password } });
    expect((await login(TEST_PASSWORD)).status).toBe(401);
    expect((await login(NEW_PASSWORD)).status).toBe(200);
    // Single use.
    const again = await server.request('POST', `/api/auth/password-reset/${token}`, {
      body: { password: 'nog een ander wachtwoord' },
    });
    expect(again.status).toBe(410);
  });

  it('answers known and unknown addresses byte for byte the same, and mails only the known', async () => {
    const user = await server.signUp('Mail Bestaat');
    const known = await requestReset(user.email);
    const unknown = await requestReset('niemand-hier@example.org');
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await known.text()).toBe(await unknown.text());
    await smtp.waitFor(user.email);
    expect(smtp.to('niemand-hier@example.org')).toEqual([]);
  });

  it('sends at most RESET_MAILS_PER_EMAIL_PER_HOUR mails per address, still answering 202', async () => {
    const user = await server.signUp('Mail Limiet');
    for (let i = 0; i < 4; i++) expect((await requestReset(user.email)).status).toBe(202);
    await smtp.waitFor(user.email, 2);
    await server.running.deps.mail.flush();
    expect(smtp.to(user.email)).toHaveLength(2);
  });

  it('deleting the account removes its mail from the outbox', async () => {
    const user = await server.signUp('Mail Weg');
    await requestReset(user.email);
    await smtp.waitFor(user.email);
    const rows = () =>
      server.running.deps.database.db
        .selectFrom('mail_outbox')
        .select('id')
        .where('recipient', '=', user.email)
        .execute();
    expect(await rows()).toHaveLength(1);
    const deleted = await server.request('DELETE', '/api/me', {
      cookie: user.cookie,
      body: { password: user.password },
    });
    expect(deleted.status).toBe(204);
    expect(await rows()).toEqual([]);
  });

  it('GET /api/auth/config says mail is on', async () => {
    const config = (await (await server.request('GET', '/api/auth/config')).json()) as { mail: boolean };
    expect(config.mail).toBe(true);
  });
});

describe('per client address', () => {
  it('429 beyond RESET_REQUESTS_PER_ADDRESS_PER_HOUR, whatever the addresses asked for', async () => {
    const limited = await startTestServer({ SMTP_URL: smtp.url, RESET_REQUESTS_PER_ADDRESS_PER_HOUR: '2' });
    try {
      const ask = (email: string) => limited.request('POST', '/api/auth/password-reset', { body: { email } });
      expect((await ask('een@example.org')).status).toBe(202);
      expect((await ask('twee@example.org')).status).toBe(202);
      const refused = await ask('drie@example.org');
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });
});

describe('without SMTP_URL', () => {
  it('still answers 202, and the config says mail is off', async () => {
    const plain = await startTestServer();
    try {
      const user = await plain.signUp('Geen Mail');
      const response = await plain.request('POST', '/api/auth/password-reset', {
        body: { email: user.email },
      });
      expect(response.status).toBe(202);
      const config = (await (await plain.request('GET', '/api/auth/config')).json()) as { mail: boolean };
      expect(config.mail).toBe(false);
    } finally {
      await plain.close();
    }
  });
});
