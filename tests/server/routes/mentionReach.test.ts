import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommentMessage, CommentThread, Notification } from '../../../shared/schemas/rounds';
import { expectJson, startTestServer, type TestServer, type TestUser } from '../../support/server';

/**
 * A mention resolves to a name only for someone who can read the document: an id typed by hand
 * (`@[x](<any userId>)`) must neither reveal that account's name nor notify it.
 */

let server: TestServer;
let owner: TestUser;
let editor: TestUser;
let stranger: TestUser;
let docId: string;

async function as<T>(user: TestUser, method: string, path: string, body?: unknown, status = 200) {
  const response = await server.request(method, path, { cookie: user.cookie, body });
  return expectJson<T>(response, status, `${method} ${path}`);
}

beforeAll(async () => {
  server = await startTestServer();
  [owner, editor, stranger] = await Promise.all([
    server.signUp('Olga Eigenaar'),
    server.signUp('Eef Bewerker'),
    server.signUp('Geheime Naam Buitenstaander'),
  ]);
  const teamId = await server.createTeam(owner, { name: 'Lab Noord', kind: 'cocreatieteam' });
  await server.addMember(owner, teamId, editor, 'editor');
  docId = (await as<{ id: string }>(owner, 'POST', '/api/documents', { teamId, title: 'Prototype' }, 201)).id;
});

afterAll(async () => {
  await server?.close();
});

describe('mentions', () => {
  it('resolve and notify only people who can read the document', async () => {
    const body = `@[Eef](${editor.id}) en @[iemand](${stranger.id}), kijken jullie mee?`;
    const thread = await as<CommentThread>(
      owner,
      'POST',
      `/api/documents/${docId}/comments`,
      { anchor: null, body },
      201,
    );
    const listed = await as<{ threads: CommentThread[] }>(owner, 'GET', `/api/documents/${docId}/comments`);
    const message: CommentMessage = listed.threads.find((t) => t.id === thread.id)!.messages[0]!;
    expect(message.mentions).toEqual([{ id: editor.id, name: 'Eef Bewerker' }]);
    expect(JSON.stringify(listed)).not.toContain('Geheime Naam');
    // The reply's own presentation (POST answer) hides the name as well.
    const reply = await as<CommentMessage>(
      owner,
      'POST',
      `/api/comments/${thread.id}/replies`,
      { body },
      201,
    );
    expect(reply.mentions.map((person) => person.id)).toEqual([editor.id]);

    const heard = await as<{ items: Notification[] }>(editor, 'GET', '/api/notifications');
    expect(heard.items.some((item) => item.kind === 'mention')).toBe(true);
    const strangerHeard = await as<{ items: Notification[] }>(stranger, 'GET', '/api/notifications');
    expect(strangerHeard.items).toEqual([]);
  });
});
