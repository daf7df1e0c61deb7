import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDueRounds } from '../../../server/commands/rounds';
import { notifyApproachingDeadlines } from '../../../server/commands/rounds/notify';
import type { Notification } from '../../../shared/schemas/rounds';
import { openRoundNow } from '../../support/rounds';
import { expectJson, startTestServer, type TestServer, type TestUser } from '../../support/server';
import { startTestSmtp, type TestSmtp } from '../../support/smtp';

// A round's deadline 48 hours ahead and its closing reach the team and the reviewers, by mail too.

let smtp: TestSmtp;
let server: TestServer;

beforeAll(async () => {
  smtp = await startTestSmtp();
  server = await startTestServer({ SMTP_URL: smtp.url });
});

afterAll(async () => {
  await server.close();
  await smtp.stop();
});

async function as<T>(user: TestUser, method: string, path: string, body?: unknown, status = 200) {
  const response = await server.request(method, path, { cookie: user.cookie, body });
  return expectJson<T>(response, status, `${method} ${path}`);
}

const setDeadline = (roundId: string, deadline: number) =>
  server.running.deps.database.db
    .updateTable('feedback_rounds')
    .set({ deadline })
    .where('id', '=', roundId)
    .execute();

const kinds = async (user: TestUser, kind: string) =>
  (await as<{ items: Notification[] }>(user, 'GET', '/api/notifications')).items.filter(
    (item) => item.kind === kind,
  );

describe('deadline notices', () => {
  it('48 hours before: once to the team and the reviewers; at the deadline: closing to the team', async () => {
    const owner = await server.signUp('Olga Deadline');
    const editor = await server.signUp('Eef Deadline');
    const reviewer = await server.signUp('Rosa Deadline');
    for (const user of [owner, editor, reviewer]) {
      await as(user, 'PATCH', '/api/me', { emailNotifications: 'immediately' });
    }
    const teamId = await server.createTeam(owner, { name: 'Lab Tijd', kind: 'cocreatieteam' });
    await server.addMember(owner, teamId, editor, 'editor');
    const reviewerTeam = await server.createTeam(reviewer, { name: 'Lab Kijk', kind: 'cocreatieteam' });
    const docId = (await as<{ id: string }>(owner, 'POST', '/api/documents', { teamId, title: 'Plan' }, 201))
      .id;
    const round = await openRoundNow(server, owner, docId, 'Eerste ronde');
    await as(owner, 'POST', `/api/rounds/${round.id}/teams`, { teamId: reviewerTeam }, 201);
    await as(
      reviewer,
      'POST',
      `/api/teams/${reviewerTeam}/review-requests/${round.id}/accept`,
      undefined,
      204,
    );

    const deps = server.running.deps;
    // What setting up the round mailed goes out first, so the mails below each carry one notice.
    await deps.mail.runNotifications();
    await deps.mail.flush();
    const mailed = (user: TestUser) => smtp.to(user.email).length;
    const [reviewerBefore, editorBefore] = [mailed(reviewer), mailed(editor)];
    // A week away: nothing yet.
    expect(await notifyApproachingDeadlines(deps)).toBe(0);
    await setDeadline(round.id, Date.now() + 24 * 3600 * 1000);
    expect(await notifyApproachingDeadlines(deps)).toBe(1);
    expect(await notifyApproachingDeadlines(deps)).toBe(0);
    for (const user of [editor, reviewer]) expect(await kinds(user, 'round_deadline')).toHaveLength(1);
    // The owner who opened the round hears it too (the deadline has no actor).
    expect(await kinds(owner, 'round_deadline')).toHaveLength(1);

    await deps.mail.runNotifications();
    const reviewerMail = (await smtp.waitFor(reviewer.email, reviewerBefore + 1)).at(-1);
    expect(reviewerMail!.parsed.subject).toContain('sluit over 24 uur');
    expect(reviewerMail!.parsed.text).toContain(`${server.url}/ronde/${round.id}`);

    await setDeadline(round.id, Date.now() - 1000);
    expect(await closeDueRounds(deps)).toBe(1);
    await deps.mail.runNotifications();
    const mails = await smtp.waitFor(editor.email, editorBefore + 2);
    expect(mails.at(-2)!.parsed.subject).toContain('sluit over 24 uur');
    expect(mails.at(-1)!.parsed.subject).toContain('is gesloten (deadline verstreken)');
  });
});
