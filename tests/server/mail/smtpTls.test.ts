import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/server';
import { startTestSmtp, type TestSmtp } from '../../support/smtp';

// A server that offers STARTTLS and wants a login: the mail goes over TLS, logged in with the
// credentials of SMTP_URL. (The plain case, neither TLS nor login, is every other mail test.)

let smtp: TestSmtp;
let server: TestServer;

beforeAll(async () => {
  smtp = await startTestSmtp({ starttls: true, login: { user: 'werkplaats', pass: 'geheim wachtwoord' } });
  // The receiver's certificate is self-signed: this test trusts it explicitly, through the URL.
  const url = new URL(smtp.url);
  url.username = 'werkplaats';
  url.password = 'geheim wachtwoord';
  url.searchParams.set('tls.rejectUnauthorized', 'false');
  server = await startTestServer({ SMTP_URL: url.toString() });
});

afterAll(async () => {
  await server.close();
  await smtp.stop();
});

describe('SMTP with STARTTLS and a login', () => {
  it('sends over TLS as the URL’s user', async () => {
    const user = await server.signUp('Tls Ontvanger');
    await server.request('POST', '/api/auth/password-reset', { body: { email: user.email } });
    const [mail] = await smtp.waitFor(user.email);
    expect(mail!.secure).toBe(true);
    expect(mail!.user).toBe('werkplaats');
  });
});
