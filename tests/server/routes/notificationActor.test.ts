import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommentThread, Notification, Round } from '../../../shared/schemas/rounds';
import { openRoundNow } from '../../support/rounds';
import { expectJson, startTestServer, type TestServer, type TestUser } from '../../support/server';
import { TEST_ENGINE } from '../../support/testEngine';

/**
 * AVG: a notification names the person who caused it when it is read, so a deleted account's name
 * leaves every inbox; the personal-data export holds what the user wrote (comments, replies,
 * review answers).
 */

let server: TestServer;
let olga: TestUser;
let teamId: string;
let docId: string;

async function as<T>(user: TestUser, method: string, path: string, body?: unknown, status = 200) {
  const response = await server.request(method, path, { cookie: user.cookie, body });
  return expectJson<T>(response, status, `${method} ${path}`);
}

const inbox = async (user: TestUser) =>
  (await as<{ items: Notification[] }>(user, 'GET', '/api/notifications')).items;

/** The stored texts of the user's notifications, straight from the database. */
async function storedTexts(userId: string): Promise<string[]> {
  const rows = await server.running.deps.database.db
    .selectFrom('notifications')
    .select('text')
    .where('user_id', '=', userId)
    .execute();
  return rows.map((row) => row.text);
}

beforeAll(async () => {
  server = await startTestServer();
  olga = await server.signUp('Olga Eigenaar');
  teamId = await server.createTeam(olga, { name: 'Lab Noord', kind: 'cocreatieteam' });
  docId = (await as<{ id: string }>(olga, 'POST', '/api/documents', { teamId, title: 'Prototype' }, 201)).id;
});

afterAll(async () => {
  await server?.close();
});

describe('notifications after an account is deleted', () => {
  it('name the actor at read time: "verwijderde gebruiker" once the account is gone, the name stored nowhere', async () => {
    const dora = await server.signUp('Dora Vertrekt');
    await server.addMember(olga, teamId, dora, 'editor');
    const thread = await as<CommentThread>(
      olga,
      'POST',
      `/api/documents/${docId}/comments`,
      { anchor: null, body: 'Wie kijkt mee?' },
      201,
    );
    await as(dora, 'POST', `/api/comments/${thread.id}/replies`, { body: 'Ik!' }, 201);
    await as(
      dora,
      'POST',
      `/api/documents/${docId}/comments`,
      { anchor: null, body: `@[Olga](${olga.id}) lees je mee?` },
      201,
    );
    const before = (await inbox(olga)).filter((item) => item.actor?.id === dora.id);
    expect(before.map((item) => item.text).sort()).toEqual([
      'Dora Vertrekt noemde je in een reactie bij "Prototype".',
      'Dora Vertrekt reageerde op een gesprek bij "Prototype".',
    ]);
    expect((await storedTexts(olga.id)).join('\n')).not.toContain('Dora Vertrekt');

    await expectJson(
      await server.request('DELETE', '/api/me', { cookie: dora.cookie, body: { password: dora.password } }),
      204,
      'delete',
    );
    const after = await inbox(olga);
    expect(JSON.stringify(after)).not.toContain('Dora Vertrekt');
    expect(
      after
        .filter((item) => item.actor?.id === dora.id)
        .map((item) => item.text)
        .sort(),
    ).toEqual([
      'verwijderde gebruiker noemde je in een reactie bij "Prototype".',
      'verwijderde gebruiker reageerde op een gesprek bij "Prototype".',
    ]);
  });

  it('a name change shows at once; a title with the placeholder is shown as typed', async () => {
    const rita = await server.signUp('Rita Oud');
    await server.addMember(olga, teamId, rita, 'editor');
    const odd = (await as<{ id: string }>(olga, 'POST', '/api/documents', { teamId, title: '{actor}' }, 201))
      .id;
    await as(rita, 'POST', `/api/documents/${odd}/comments`, { anchor: null, body: `@[O](${olga.id})` }, 201);
    await as(rita, 'PATCH', '/api/me', { name: 'Rita Nieuw' });
    const texts = (await inbox(olga)).filter((item) => item.actor?.id === rita.id).map((item) => item.text);
    expect(texts).toEqual(['Rita Nieuw noemde je in een reactie bij "{actor}".']);
  });
});

describe('GET /api/me/export: what the user wrote', () => {
  let round: Round;
  let lies: TestUser;

  beforeAll(async () => {
    round = await openRoundNow(server, olga, docId, 'Feedbackronde 1');
    const { token } = await as<{ token: string }>(
      olga,
      'POST',
      `/api/rounds/${round.id}/links`,
      { label: 'Leraren' },
      201,
    );
    lies = await server.signUp('Lies Leraar');
    await as(lies, 'POST', `/api/round-links/${token}/accept`);
  });

  it('holds the user’s comments, replies and review answers (with criterion and round), nobody else’s', async () => {
    const own = await as<CommentThread>(
      lies,
      'POST',
      `/api/rounds/${round.id}/comments`,
      { anchor: null, body: 'Mijn eigen opmerking' },
      201,
    );
    const others = await as<CommentThread>(
      olga,
      'POST',
      `/api/rounds/${round.id}/comments`,
      { anchor: null, body: 'Opmerking van Olga' },
      201,
    );
    await as(lies, 'POST', `/api/comments/${others.id}/replies`, { body: 'Mijn antwoord aan Olga' }, 201);
    const criterion = round.criteria[0]!;
    await as(lies, 'PUT', `/api/rounds/${round.id}/responses`, {
      answers: [{ criterionId: criterion.id, score: 3, text: 'Helder beschreven' }],
      submit: true,
      perspective: 'leraar',
    });

    const data = await as<{
      comments: Array<Record<string, unknown>>;
      reviewAnswers: Array<Record<string, unknown>>;
    }>(lies, 'GET', '/api/me/export');
    expect(data.comments).toEqual([
      expect.objectContaining({
        id: own.id,
        isReply: false,
        body: 'Mijn eigen opmerking',
        document: { id: docId, title: 'Prototype' },
        round: { id: round.id, title: 'Feedbackronde 1' },
      }),
      expect.objectContaining({ threadId: others.id, isReply: true, body: 'Mijn antwoord aan Olga' }),
    ]);
    expect(data.reviewAnswers).toEqual([
      expect.objectContaining({
        round: { id: round.id, title: 'Feedbackronde 1' },
        document: 'Prototype',
        criterion: criterion.title,
        score: 3,
        text: 'Helder beschreven',
        submittedAt: expect.any(String),
      }),
    ]);
    expect(JSON.stringify(data)).not.toContain('Opmerking van Olga');
  });
});

describe('migration 015: notifications written before it', () => {
  it('replace the leading name by the placeholder, for live, renamed and deleted actors', async () => {
    const [mia, vera, gone] = await Promise.all([
      server.signUp('Mia Blijft'),
      server.signUp('Vera Voorheen'),
      server.signUp('Gert Weg'),
    ]);
    await as(vera, 'PATCH', '/api/me', { name: 'Vera Nu' });
    await expectJson(
      await server.request('DELETE', '/api/me', { cookie: gone.cookie, body: { password: gone.password } }),
      204,
      'delete',
    );
    const ruth = await server.signUp('Ruth Ontvanger');
    const old = [
      {
        kind: 'review_request',
        actor: mia.id,
        text: 'Mia Blijft (Lab Zuid) vraagt je team "Lab Noord" om feedback op "X".',
      },
      { kind: 'mention', actor: vera.id, text: 'Vera Voorheen noemde je in een reactie bij "X".' },
      { kind: 'reply', actor: gone.id, text: 'Gert Weg reageerde op een gesprek bij "X".' },
      { kind: 'round_feedback', actor: gone.id, text: 'Gert Weg heeft feedback gegeven in "R".' },
      {
        kind: 'team_added',
        actor: gone.id,
        text: 'Gert Weg heeft je toegevoegd aan het team "T" als bewerker.',
      },
      { kind: 'round_closed', actor: null, text: 'De ronde "R" is gesloten.' },
    ];
    const db = server.running.deps.database.db;
    for (const [index, row] of old.entries()) {
      await db
        .insertInto('notifications')
        .values({
          user_id: ruth.id,
          kind: row.kind,
          text: row.text,
          link: '/',
          actor_id: row.actor,
          doc_id: null,
          created_at: index,
        })
        .execute();
    }
    const file = TEST_ENGINE === 'postgres' ? '015_notification_actor.pg.sql' : '015_notification_actor.sql';
    const migration = fs.readFileSync(
      new URL(`../../../server/db/migrations/${file}`, import.meta.url),
      'utf8',
    );
    for (const statement of migration.split(/;\s*$/m).filter((part) => part.replace(/--.*$/gm, '').trim())) {
      await sql.raw(statement).execute(db);
    }
    expect((await storedTexts(ruth.id)).join('\n')).not.toMatch(/Mia Blijft|Vera Voorheen|Gert Weg/);
    expect((await inbox(ruth)).map((item) => item.text).reverse()).toEqual([
      'Mia Blijft (Lab Zuid) vraagt je team "Lab Noord" om feedback op "X".',
      'Vera Nu noemde je in een reactie bij "X".',
      'verwijderde gebruiker reageerde op een gesprek bij "X".',
      'verwijderde gebruiker heeft feedback gegeven in "R".',
      'verwijderde gebruiker heeft je toegevoegd aan het team "T" als bewerker.',
      'De ronde "R" is gesloten.',
    ]);
  });
});
