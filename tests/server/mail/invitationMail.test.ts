import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoundReviewers } from '../../../shared/schemas/rounds';
import { openRoundNow } from '../../support/rounds';
import { expectJson, startTestServer, type TestServer, type TestUser } from '../../support/server';
import { linkIn, startTestSmtp, type TestSmtp } from '../../support/smtp';

// Invitations by mail: a team invite and a round's reviewer link go to the address given, in the
// inviter's language choice, and the lists say where they were sent.

let smtp: TestSmtp;
let server: TestServer;
let owner: TestUser;
let teamId: string;

async function as<T>(user: TestUser, method: string, path: string, body?: unknown, status = 200) {
  const response = await server.request(method, path, { cookie: user.cookie, body });
  return expectJson<T>(response, status, `${method} ${path}`);
}

beforeAll(async () => {
  smtp = await startTestSmtp();
  server = await startTestServer({ SMTP_URL: smtp.url });
  owner = await server.signUp('Olga Uitnodiger');
  teamId = await server.createTeam(owner, { name: 'Lab Zuid', kind: 'cocreatieteam' });
});

afterAll(async () => {
  await server.close();
  await smtp.stop();
});

describe('team invite by mail', () => {
  it('mails the link (Dutch by default) and the list shows "sent to"; the link lets the invitee in', async () => {
    const created = await as<{ id: string; url: string; sentTo: string | null }>(
      owner,
      'POST',
      `/api/teams/${teamId}/invites`,
      { role: 'editor', email: ' Nieuw.Lid@Example.org ' },
      201,
    );
    expect(created.sentTo).toBe('nieuw.lid@example.org');
    const [mail] = await smtp.waitFor('nieuw.lid@example.org');
    expect(mail!.parsed.subject).toBe('Olga Uitnodiger nodigt je uit voor het team "Lab Zuid"');
    const link = linkIn(mail!.parsed.text, `${server.url}/uitnodiging/`);
    expect(link).toBe(created.url);
    expect(mail!.parsed.html).toContain(`href="${link}"`);

    const listed = await as<Array<{ id: string; sentTo: string | null }>>(
      owner,
      'GET',
      `/api/teams/${teamId}/invites`,
    );
    expect(listed.find((invite) => invite.id === created.id)?.sentTo).toBe('nieuw.lid@example.org');

    const invitee = await server.signUp('Nieuw Lid');
    const token = link.slice(link.lastIndexOf('/') + 1);
    await as(invitee, 'POST', `/api/invites/${token}/accept`);
    expect((await as<Array<{ id: string }>>(invitee, 'GET', '/api/teams')).map((team) => team.id)).toContain(
      teamId,
    );
  });

  it('in English when the inviter chooses it; without an address nothing is mailed', async () => {
    await as(
      owner,
      'POST',
      `/api/teams/${teamId}/invites`,
      { role: 'viewer', email: 'guest@example.org', language: 'en' },
      201,
    );
    const [mail] = await smtp.waitFor('guest@example.org');
    expect(mail!.parsed.subject).toBe('Olga Uitnodiger invites you to the team "Lab Zuid"');
    expect(mail!.parsed.html).toContain('<html lang="en">');

    const before = smtp.received.length;
    const plain = await as<{ sentTo: string | null }>(
      owner,
      'POST',
      `/api/teams/${teamId}/invites`,
      { role: 'viewer' },
      201,
    );
    expect(plain.sentTo).toBeNull();
    await server.running.deps.mail.flush();
    expect(smtp.received).toHaveLength(before);
  });
});

describe('reviewer link by mail', () => {
  it('mails the feedback link and the round’s reviewer list shows "sent to"', async () => {
    const docId = (
      await as<{ id: string }>(owner, 'POST', '/api/documents', { teamId, title: 'Lesplan' }, 201)
    ).id;
    const round = await openRoundNow(server, owner, docId, 'Ronde met gasten');
    const link = await as<{ id: string; url: string; sentTo: string | null }>(
      owner,
      'POST',
      `/api/rounds/${round.id}/links`,
      { label: 'Docent extern', email: 'extern@example.org' },
      201,
    );
    expect(link.sentTo).toBe('extern@example.org');
    const [mail] = await smtp.waitFor('extern@example.org');
    expect(mail!.parsed.subject).toBe('Feedback gevraagd: "Lesplan"');
    expect(linkIn(mail!.parsed.text, `${server.url}/feedback/`)).toBe(`${server.url}${link.url}`);
    const reviewers = await as<RoundReviewers>(owner, 'GET', `/api/rounds/${round.id}/reviewers`);
    expect(reviewers.links.find((entry) => entry.id === link.id)?.sentTo).toBe('extern@example.org');
  });
});
