import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJson, startTestServer, type TestServer, type TestUser } from '../../support/server';
import { linkIn, rawHeader, startTestSmtp, type TestSmtp } from '../../support/smtp';

// Notification mail: a mention within a minute for `immediately`, one grouped digest for `daily`,
// nothing for `off`, and the one-click unsubscribe of RFC 8058.

let smtp: TestSmtp;
let server: TestServer;
let owner: TestUser;
let teamId: string;

const DAY_MS = 24 * 60 * 60 * 1000;

async function as<T>(user: TestUser, method: string, path: string, body?: unknown, status = 200) {
  const response = await server.request(method, path, { cookie: user.cookie, body });
  return expectJson<T>(response, status, `${method} ${path}`);
}

const newDocument = async (title: string) =>
  (await as<{ id: string }>(owner, 'POST', '/api/documents', { teamId, title }, 201)).id;

const mention = (docId: string, user: TestUser, rest: string) =>
  as(
    owner,
    'POST',
    `/api/documents/${docId}/comments`,
    { anchor: null, body: `@[${user.name}](${user.id}) ${rest}` },
    201,
  );

/** A new editor of the team whose "added to the team" notification is already handled. */
const member = async (name: string, choice: 'immediately' | 'daily') => {
  const user = await server.signUp(name);
  await as(user, 'PATCH', '/api/me', { emailNotifications: 'off' });
  await server.addMember(owner, teamId, user, 'editor');
  await server.running.deps.mail.runNotifications();
  await as(user, 'PATCH', '/api/me', { emailNotifications: choice });
  return user;
};

beforeAll(async () => {
  smtp = await startTestSmtp();
  server = await startTestServer({ SMTP_URL: smtp.url, MAIL_NOTIFY_SECONDS: '1' });
  owner = await server.signUp('Olga Eigenaar');
  teamId = await server.createTeam(owner, { name: 'Lab Noord', kind: 'cocreatieteam' });
});

afterAll(async () => {
  await server.close();
  await smtp.stop();
});

describe('the preference', () => {
  it('is daily by default, set by PATCH /api/me, and in the personal-data export', async () => {
    const user = await server.signUp('Voorkeur Persoon');
    expect((await as<{ emailNotifications: string }>(user, 'GET', '/api/me')).emailNotifications).toBe(
      'daily',
    );
    const patched = await as<{ emailNotifications: string; name: string }>(user, 'PATCH', '/api/me', {
      emailNotifications: 'immediately',
    });
    expect(patched).toMatchObject({ emailNotifications: 'immediately', name: 'Voorkeur Persoon' });
    await as(user, 'PATCH', '/api/me', { emailNotifications: 'soms' }, 400);
    const exported = await as<{ settings: unknown }>(user, 'GET', '/api/me/export');
    expect(exported.settings).toEqual({ emailNotifications: 'immediately' });
  });
});

describe('immediately', () => {
  it('a mention arrives within a minute, with who, where, the first lines and a deep link', async () => {
    const eef = await member('Eef Direct', 'immediately');
    const docId = await newDocument('Prototype Water');
    await mention(
      docId,
      eef,
      'kijk je naar de leeruitkomsten?\nDe tweede is te breed.\nDerde regel\nVierde\nVijfde',
    );

    const [mail] = await smtp.waitFor(eef.email, 1, 60_000);
    const { parsed } = mail!;
    expect(parsed.subject).toBe('Olga Eigenaar noemde je in een reactie bij "Prototype Water".');
    expect(parsed.text).toContain('> @Eef Direct kijk je naar de leeruitkomsten?\n> De tweede is te breed.');
    expect(parsed.text).not.toContain('Vijfde');
    const link = linkIn(parsed.text, `${server.url}/d/${docId}?reactie=`);
    expect(parsed.html).toContain(`href="${link.replace(/&/g, '&amp;')}"`);
    expect(parsed.html).toContain('Openen in &#34;Prototype Water&#34;</a>');
    // RFC 8058: a one-click unsubscribe URL and the header that says it takes a POST.
    expect(rawHeader(parsed, 'List-Unsubscribe')).toMatch(
      new RegExp(`^<${server.url}/api/mail/unsubscribe/[^>]+>$`),
    );
    expect(rawHeader(parsed, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    linkIn(parsed.text, `${server.url}/afmelden/`);
  });
});

describe('daily', () => {
  it('waits for the digest moment, then sends one mail grouping everything by document', async () => {
    const daan = await member('Daan Dagelijks', 'daily');
    const first = await newDocument('Ontwerp Zon');
    const second = await newDocument('Ontwerp Maan');
    await mention(first, daan, 'eerste vraag');
    await mention(second, daan, 'tweede vraag');
    await mention(first, daan, 'derde vraag');

    await server.running.deps.mail.runNotifications();
    await server.running.deps.mail.flush();
    expect(smtp.to(daan.email)).toEqual([]);

    await server.running.deps.mail.runNotifications(Date.now() + DAY_MS);
    const [digest] = await smtp.waitFor(daan.email);
    const text = digest!.parsed.text ?? '';
    expect(digest!.parsed.subject).toBe('Je dagelijkse overzicht: 3 meldingen in Werkplaats');
    expect(text.indexOf('## Ontwerp Zon')).toBeGreaterThan(-1);
    // Both mentions of the first document under its heading, before the second document's.
    const sun = text.slice(text.indexOf('## Ontwerp Zon'), text.indexOf('## Ontwerp Maan'));
    expect(sun).toContain('eerste vraag');
    expect(sun).toContain('derde vraag');
    expect(text.slice(text.indexOf('## Ontwerp Maan'))).toContain('tweede vraag');
    expect(digest!.parsed.html).toContain('<h2');

    // Handled: the next digest moment sends nothing more.
    await server.running.deps.mail.runNotifications(Date.now() + 2 * DAY_MS);
    await server.running.deps.mail.flush();
    expect(smtp.to(daan.email)).toHaveLength(1);
  });
});

describe('unsubscribe', () => {
  it('a POST to List-Unsubscribe without a session or Origin turns mail off', async () => {
    const uma = await member('Uma Afmelder', 'immediately');
    await mention(await newDocument('Afmeldproef'), uma, 'eerste');
    const [mail] = await smtp.waitFor(uma.email, 1, 60_000);
    const url = rawHeader(mail!.parsed, 'List-Unsubscribe')!.slice(1, -1);

    const forged = await fetch(`${url.slice(0, -3)}xyz`, {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
    });
    expect(forged.status).toBe(404);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(response.status).toBe(200);
    expect((await as<{ emailNotifications: string }>(uma, 'GET', '/api/me')).emailNotifications).toBe('off');

    await mention(await newDocument('Na afmelden'), uma, 'tweede');
    await server.running.deps.mail.runNotifications(Date.now() + DAY_MS);
    await server.running.deps.mail.flush();
    expect(smtp.to(uma.email)).toHaveLength(1);
  });
});
