import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { resolveTextAnchor, textAnchorAt } from '../../../shared/comments/anchors';
import type {
  CommentMessage,
  CommentThread,
  CriterionResponse,
  Notification,
  Round,
  RoundReviewers,
  RoundSummary,
} from '../../../shared/schemas/rounds';
import { sectionFragmentName } from '../../../shared/editor/fields';
import { runValidRound } from '../../support/rounds';
import { expectJson, startTestServer, type TestServer, type TestUser } from '../../support/server';
import { connectSynced, sectionIds, waitFor, waitForAllAcked, type TestClient } from '../../support/yclient';

/**
 * Comments and feedback rounds through the real server: anchored threads on the live draft, the
 * access matrix of rounds (reviewers see only the frozen version while the round is open), triage
 * before completion, the summary for reviewers, notifications only for people who can see the
 * document, carry-over, the live change stream and rule R13.
 */

let server: TestServer;
let owner: TestUser;
let editor: TestUser;
let commenter: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let reviewerOwner: TestUser;
let reviewer: TestUser;
let teamA: string;
let teamB: string;
let docId: string;
let fragment: string;
let version1: string;
let version2: string;
const clients: TestClient[] = [];

async function as<T>(
  user: TestUser | null,
  method: string,
  path: string,
  body?: unknown,
  status = 200,
): Promise<T> {
  const response = await server.request(method, path, { ...(user ? { cookie: user.cookie } : {}), body });
  return expectJson<T>(response, status, `${method} ${path}`);
}

async function statusOf(
  user: TestUser | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<number> {
  const response = await server.request(method, path, { ...(user ? { cookie: user.cookie } : {}), body });
  await response.arrayBuffer();
  return response.status;
}

/** Replaces the first section's text through a real provider and waits until it is durable. */
async function setText(text: string): Promise<void> {
  const client = await connectSynced(server.wsUrl, docId, { cookie: owner.cookie, durable: true });
  clients.push(client);
  const frag = client.doc.getXmlFragment(fragment);
  client.doc.transact(() => {
    frag.delete(0, frag.length);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    frag.insert(0, [paragraph]);
  });
  await waitForAllAcked(client);
}

async function liveDoc(): Promise<Y.Doc> {
  const client = await connectSynced(server.wsUrl, docId, { cookie: owner.cookie });
  clients.push(client);
  return client.doc;
}

function anchorOn(doc: Y.Doc, quote: string) {
  const text = resolveTextAnchor; // keep import used for type clarity
  void text;
  const plain = (doc.getXmlFragment(fragment).get(0) as Y.XmlElement).toArray().join('');
  const at = plain.indexOf(quote);
  if (at < 0) throw new Error(`"${quote}" not in "${plain}"`);
  return textAnchorAt(doc, fragment, at, at + quote.length);
}

const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();

beforeAll(async () => {
  server = await startTestServer();
  [owner, editor, commenter, viewer, outsider, reviewerOwner, reviewer] = await Promise.all([
    server.signUp('Olga Eigenaar'),
    server.signUp('Eef Bewerker'),
    server.signUp('Coen Commentator'),
    server.signUp('Vik Lezer'),
    server.signUp('Bo Buitenstaander'),
    server.signUp('Rik Reviewlab'),
    server.signUp('Rosa Reviewer'),
  ]);
  teamA = await server.createTeam(owner, { name: 'Co-creatielab Noord', kind: 'cocreatieteam' });
  await server.addMember(owner, teamA, editor, 'editor');
  await server.addMember(owner, teamA, commenter, 'commenter');
  await server.addMember(owner, teamA, viewer, 'viewer');
  teamB = await server.createTeam(reviewerOwner, { name: 'Co-creatielab Zuid', kind: 'cocreatieteam' });
  await server.addMember(reviewerOwner, teamB, reviewer, 'viewer');
  docId = (
    await as<{ id: string }>(owner, 'POST', '/api/documents', { teamId: teamA, title: 'Prototype' }, 201)
  ).id;
  const doc = await liveDoc();
  fragment = sectionFragmentName(sectionIds(doc)[0]!);
  await setText('Versie een: de leeruitkomsten staan centraal.');
  version1 = (
    await as<{ id: string }>(owner, 'POST', `/api/documents/${docId}/versions`, { label: 'v1' }, 201)
  ).id;
  await setText('Versie twee: samenhang en opbouw in drie stappen.');
  version2 = (
    await as<{ id: string }>(owner, 'POST', `/api/documents/${docId}/versions`, { label: 'v2' }, 201)
  ).id;
  await setText('Versie twee: samenhang en opbouw in drie stappen. Geheim concept na v2.');
});

afterAll(async () => {
  await server?.close();
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

describe('comments on the live draft', () => {
  let thread: CommentThread;

  it('a commenter anchors a thread to a text range; everyone in the team reads it, attached', async () => {
    const doc = await liveDoc();
    const anchor = anchorOn(doc, 'samenhang en opbouw');
    thread = await as<CommentThread>(
      commenter,
      'POST',
      `/api/documents/${docId}/comments`,
      { anchor, body: 'Mooi!' },
      201,
    );
    expect(thread).toMatchObject({
      anchorStatus: 'attached',
      currentQuote: 'samenhang en opbouw',
      status: 'open',
    });
    const { threads } = await as<{ threads: CommentThread[] }>(
      viewer,
      'GET',
      `/api/documents/${docId}/comments`,
    );
    expect(threads.map((t) => t.id)).toContain(thread.id);
  });

  it('viewers cannot comment, outsiders learn nothing, bad anchors and bodies are 400', async () => {
    expect(
      await statusOf(viewer, 'POST', `/api/documents/${docId}/comments`, { anchor: null, body: 'x' }),
    ).toBe(403);
    expect(await statusOf(outsider, 'GET', `/api/documents/${docId}/comments`)).toBe(403);
    expect(await statusOf(outsider, 'POST', `/api/comments/${thread.id}/replies`, { body: 'x' })).toBe(404);
    expect(await statusOf(null, 'GET', `/api/documents/${docId}/comments`)).toBe(401);
    const bad = { ...thread.anchor!, fragment: 'section:bestaat-niet' };
    expect(
      await statusOf(commenter, 'POST', `/api/documents/${docId}/comments`, { anchor: bad, body: 'x' }),
    ).toBe(400);
    expect(
      await statusOf(commenter, 'POST', `/api/documents/${docId}/comments`, { anchor: null, body: '  ' }),
    ).toBe(400);
    expect(
      await statusOf(commenter, 'POST', `/api/documents/${docId}/comments`, {
        anchor: null,
        body: 'x',
        extra: 1,
      }),
    ).toBe(400);
  });

  it('replies notify participants and mentions — only people who can see the document', async () => {
    const before = await as<{ unread: number }>(commenter, 'GET', '/api/notifications');
    const reply = await as<CommentMessage>(
      editor,
      'POST',
      `/api/comments/${thread.id}/replies`,
      { body: `Eens, @[Vik Lezer](${viewer.id}) en @[Bo](${outsider.id}) kijk even` },
      201,
    );
    // The outsider cannot read the document: not resolved (their name stays hidden), not notified.
    expect(reply.mentions.map((m) => m.id)).toEqual([viewer.id]);
    const commenterAfter = await as<{ unread: number; items: Notification[] }>(
      commenter,
      'GET',
      '/api/notifications',
    );
    expect(commenterAfter.unread).toBe(before.unread + 1);
    expect(commenterAfter.items[0]).toMatchObject({ kind: 'reply', actor: { id: editor.id } });
    const viewerNotes = await as<{ unread: number; items: Notification[] }>(
      viewer,
      'GET',
      '/api/notifications',
    );
    expect(viewerNotes.items.some((n) => n.kind === 'mention')).toBe(true);
    const outsiderNotes = await as<{ unread: number; items: Notification[] }>(
      outsider,
      'GET',
      '/api/notifications',
    );
    expect(outsiderNotes.items).toHaveLength(0);
    const read = await as<{ unread: number }>(viewer, 'POST', '/api/notifications/read', { all: true });
    expect(read.unread).toBe(0);
  });

  it('authors edit and delete only their own messages; deleted messages stay as "verwijderd"', async () => {
    const root = thread.messages[0]!;
    expect(await statusOf(editor, 'PATCH', `/api/comments/messages/${root.id}`, { body: 'gekaapt' })).toBe(
      403,
    );
    const edited = await as<CommentMessage>(commenter, 'PATCH', `/api/comments/messages/${root.id}`, {
      body: 'Heel mooi!',
    });
    expect(edited).toMatchObject({ body: 'Heel mooi!', deleted: false });
    expect(edited.editedAt).not.toBeNull();
    expect(await statusOf(editor, 'DELETE', `/api/comments/messages/${root.id}`)).toBe(403);
    const extra = await as<CommentMessage>(
      commenter,
      'POST',
      `/api/comments/${thread.id}/replies`,
      { body: 'weg' },
      201,
    );
    expect(await statusOf(commenter, 'DELETE', `/api/comments/messages/${extra.id}`)).toBe(204);
    const { threads } = await as<{ threads: CommentThread[] }>(
      owner,
      'GET',
      `/api/documents/${docId}/comments`,
    );
    const messages = threads.find((t) => t.id === thread.id)!.messages;
    expect(messages.find((m) => m.id === extra.id)).toMatchObject({ deleted: true, body: '' });
  });

  it('resolve and reopen, with the open/resolved/mine filters', async () => {
    await as<CommentThread>(
      owner,
      'POST',
      `/api/documents/${docId}/comments`,
      { anchor: null, body: 'Algemeen punt' },
      201,
    );
    const resolved = await as<CommentThread>(editor, 'POST', `/api/comments/${thread.id}/resolve`);
    expect(resolved).toMatchObject({ status: 'resolved', resolvedBy: { id: editor.id } });
    const open = await as<{ threads: CommentThread[] }>(
      owner,
      'GET',
      `/api/documents/${docId}/comments?status=open`,
    );
    expect(open.threads.map((t) => t.id)).not.toContain(thread.id);
    const done = await as<{ threads: CommentThread[] }>(
      owner,
      'GET',
      `/api/documents/${docId}/comments?status=resolved`,
    );
    expect(done.threads.map((t) => t.id)).toEqual([thread.id]);
    const mine = await as<{ threads: CommentThread[] }>(
      owner,
      'GET',
      `/api/documents/${docId}/comments?mine=1`,
    );
    expect(mine.threads.every((t) => t.messages.some((m) => m.author?.id === owner.id))).toBe(true);
    expect(mine.threads.map((t) => t.id)).not.toContain(thread.id);
    expect(await statusOf(viewer, 'POST', `/api/comments/${thread.id}/reopen`)).toBe(403);
    expect(await as<CommentThread>(commenter, 'POST', `/api/comments/${thread.id}/reopen`)).toMatchObject({
      status: 'open',
    });
  });

  it('a thread whose text is deleted is kept as losgeraakt with its quote', async () => {
    const doc = await liveDoc();
    const anchor = anchorOn(doc, 'Geheim concept');
    const made = await as<CommentThread>(
      owner,
      'POST',
      `/api/documents/${docId}/comments`,
      { anchor, body: 'Schrappen?' },
      201,
    );
    await setText('Versie twee: samenhang en opbouw in drie stappen.');
    const { threads } = await as<{ threads: CommentThread[] }>(
      owner,
      'GET',
      `/api/documents/${docId}/comments`,
    );
    const after = threads.find((t) => t.id === made.id)!;
    expect(after).toMatchObject({ anchorStatus: 'detached', currentQuote: null });
    expect(after.anchor).toMatchObject({ type: 'text', quote: 'Geheim concept' });
  });
});

describe('feedback rounds', () => {
  let round: Round;
  let otherRound: Round;
  let link: { token: string; url: string };
  let linkReviewer: TestUser;
  let reviewerThread: CommentThread;

  it('only owners open a round, on a version of this document, with the five default criteria', async () => {
    const body = { versionId: version2, title: 'Feedbackronde 1', deadline: inAWeek() };
    expect(await statusOf(editor, 'POST', `/api/documents/${docId}/rounds`, body)).toBe(403);
    expect(await statusOf(outsider, 'POST', `/api/documents/${docId}/rounds`, body)).toBe(403);
    expect(
      await statusOf(owner, 'POST', `/api/documents/${docId}/rounds`, { ...body, versionId: 'nope' }),
    ).toBe(400);
    expect(
      await statusOf(owner, 'POST', `/api/documents/${docId}/rounds`, {
        ...body,
        deadline: '2020-01-01T00:00:00Z',
      }),
    ).toBe(400);
    round = await as<Round>(owner, 'POST', `/api/documents/${docId}/rounds`, body, 201);
    expect(round.criteria.map((c) => c.title)).toEqual([
      'Aansluiting bij de leeruitkomsten van het ontwikkelpad',
      'Samenhang en opbouw',
      'Haalbaarheid in de praktijk',
      'Toetsing en bewijzen',
      'Werkvormen en variatie',
    ]);
    expect(round).toMatchObject({ status: 'open', access: 'team', version: { id: version2, label: 'v2' } });
    expect(round.can).toEqual({ comment: true, respond: false, manage: true, triage: false });
    otherRound = await as<Round>(
      owner,
      'POST',
      `/api/documents/${docId}/rounds`,
      {
        versionId: version1,
        title: 'Andere ronde',
        deadline: inAWeek(),
        criteria: [{ title: 'Eigen vraag' }],
      },
      201,
    );
  });

  it('before the invitation the other team sees nothing', async () => {
    expect(await statusOf(reviewer, 'GET', `/api/rounds/${round.id}`)).toBe(404);
    expect(await statusOf(reviewer, 'GET', `/api/rounds/${round.id}/version/state`)).toBe(404);
  });

  it('inviting a whole team: its members review the frozen version — not the draft, other versions or rounds', async () => {
    expect(await statusOf(owner, 'POST', `/api/rounds/${round.id}/teams`, { teamId: teamA })).toBe(400);
    expect(await statusOf(editor, 'POST', `/api/rounds/${round.id}/teams`, { teamId: teamB })).toBe(403);
    const reviewers = await as<RoundReviewers>(
      owner,
      'POST',
      `/api/rounds/${round.id}/teams`,
      { teamId: teamB },
      201,
    );
    expect(reviewers.teams.map((t) => t.id)).toEqual([teamB]);
    // Its members take part once an owner of that team accepts (tests/server/routes/reviewRequests.test.ts).
    expect(
      await statusOf(reviewerOwner, 'POST', `/api/teams/${teamB}/review-requests/${round.id}/accept`),
    ).toBe(204);
    const invite = await as<{ items: Notification[] }>(reviewer, 'GET', '/api/notifications');
    expect(invite.items[0]).toMatchObject({ kind: 'round_invite', link: `/ronde/${round.id}` });

    const seen = await as<Round>(reviewer, 'GET', `/api/rounds/${round.id}`);
    expect(seen).toMatchObject({
      access: 'reviewer',
      can: { comment: true, respond: true, manage: false, triage: false },
    });
    const response = await server.request('GET', `/api/rounds/${round.id}/version/state`, {
      cookie: reviewer.cookie,
    });
    expect(response.status).toBe(200);
    const frozen = new Y.Doc();
    Y.applyUpdate(frozen, new Uint8Array(await response.arrayBuffer()));
    const frozenText = frozen.getXmlFragment(fragment).toString();
    expect(frozenText).toContain('Versie twee');
    expect(frozenText).not.toContain('Geheim');
    expect(
      (await as<{ projection: unknown }>(reviewer, 'GET', `/api/rounds/${round.id}/version`)).projection,
    ).toBeTruthy();

    // Not the live draft (403: the document is the team's), not other versions, not the document's comments, not another round.
    expect(await statusOf(reviewer, 'GET', `/api/documents/${docId}/versions`)).toBe(403);
    expect(await statusOf(reviewer, 'GET', `/api/documents/${docId}/versions/${version1}/state`)).toBe(403);
    expect(await statusOf(reviewer, 'GET', `/api/documents/${docId}/comments`)).toBe(403);
    expect(await statusOf(reviewer, 'GET', `/api/documents/${docId}/rounds`)).toBe(403);
    expect(await statusOf(reviewer, 'GET', `/api/rounds/${otherRound.id}`)).toBe(404);
    expect(await statusOf(reviewer, 'GET', `/api/rounds/${otherRound.id}/comments`)).toBe(404);
    expect(await statusOf(reviewer, 'GET', `/api/rounds/${round.id}/reviewers`)).toBe(403);
    const mine = await as<{ rounds: Round[] }>(reviewer, 'GET', '/api/me/rounds');
    expect(mine.rounds.map((r) => r.id)).toEqual([round.id]);
  });

  it('reviewers comment on the frozen version and answer criteria; the team sees it arrive live', async () => {
    const events = await fetch(`${server.url}/api/documents/${docId}/events`, {
      headers: { cookie: owner.cookie },
    });
    expect(events.headers.get('content-type')).toContain('text/event-stream');
    const reader = events.body!.getReader();
    const received: string[] = [];
    const pump = (async () => {
      const decoder = new TextDecoder();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        received.push(decoder.decode(value));
      }
    })();

    const stateResponse = await server.request('GET', `/api/rounds/${round.id}/version/state`, {
      cookie: reviewer.cookie,
    });
    const frozen = new Y.Doc();
    Y.applyUpdate(frozen, new Uint8Array(await stateResponse.arrayBuffer()));
    const anchor = anchorOn(frozen, 'drie stappen');
    reviewerThread = await as<CommentThread>(
      reviewer,
      'POST',
      `/api/rounds/${round.id}/comments`,
      { anchor, body: 'Welke drie stappen precies?' },
      201,
    );
    expect(reviewerThread).toMatchObject({
      roundId: round.id,
      anchorStatus: 'attached',
      currentQuote: 'drie stappen',
    });
    await waitFor(() => received.join('').includes('event: changed'), 'change event', 5000);
    await reader.cancel();
    await pump.catch(() => undefined);

    const answers = round.criteria.map((criterion, index) => ({
      criterionId: criterion.id,
      score: (index % 4) + 1,
      text: `Antwoord ${index + 1}`,
    }));
    expect(await statusOf(owner, 'PUT', `/api/rounds/${round.id}/responses`, { answers })).toBe(403);
    expect(
      await statusOf(reviewer, 'PUT', `/api/rounds/${round.id}/responses`, {
        answers: [{ criterionId: 'x', score: 2, text: '' }],
      }),
    ).toBe(400);
    expect(
      await statusOf(reviewer, 'PUT', `/api/rounds/${round.id}/responses`, {
        answers: [{ criterionId: round.criteria[0]!.id, score: 5, text: '' }],
      }),
    ).toBe(400);
    // Sending asks whom the reviewer speaks for (rule R13); a draft does not.
    const unsent = await server.request('PUT', `/api/rounds/${round.id}/responses`, {
      cookie: reviewer.cookie,
      body: { answers, submit: true },
    });
    expect(unsent.status).toBe(400);
    expect(((await unsent.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'perspective_required',
      message: expect.stringMatching(/^Kies je perspectief \(leraar, school, lerarenopleider/),
    });
    expect(
      await statusOf(reviewer, 'PUT', `/api/rounds/${round.id}/responses`, {
        answers,
        submit: true,
        perspective: 'docent',
      }),
    ).toBe(400);
    const draft = await as<{ responses: CriterionResponse[] }>(
      reviewer,
      'PUT',
      `/api/rounds/${round.id}/responses`,
      { answers },
    );
    expect(draft.responses.every((r) => r.submittedAt === null && r.perspective === null)).toBe(true);
    const saved = await as<{ responses: CriterionResponse[] }>(
      reviewer,
      'PUT',
      `/api/rounds/${round.id}/responses`,
      {
        answers,
        submit: true,
        perspective: 'cocreatieteam',
      },
    );
    expect(saved.responses).toHaveLength(5);
    expect(saved.responses.every((r) => r.submittedAt !== null)).toBe(true);
    expect(saved.responses.every((r) => r.perspective === 'cocreatieteam')).toBe(true);

    const team = await as<RoundReviewers>(owner, 'GET', `/api/rounds/${round.id}/reviewers`);
    const rosa = team.participants.find((p) => p.user.id === reviewer.id)!;
    expect(rosa).toMatchObject({ team: { id: teamB }, commentCount: 1, perspective: 'cocreatieteam' });
    expect(rosa.submittedAt).not.toBeNull();
    const teamView = await as<{ threads: CommentThread[] }>(
      editor,
      'GET',
      `/api/rounds/${round.id}/comments`,
    );
    expect(teamView.threads.map((t) => t.id)).toEqual([reviewerThread.id]);
    const live = await as<{ threads: CommentThread[] }>(editor, 'GET', `/api/documents/${docId}/comments`);
    expect(live.threads.map((t) => t.id)).not.toContain(reviewerThread.id);
    // Team members may answer the reviewer in the thread; a team viewer may not.
    await as(
      commenter,
      'POST',
      `/api/comments/${reviewerThread.id}/replies`,
      { body: 'Zie paragraaf 2.' },
      201,
    );
    expect(await statusOf(viewer, 'POST', `/api/comments/${reviewerThread.id}/replies`, { body: 'x' })).toBe(
      403,
    );
  });

  it('an expiring link lets someone without an account sign up and review', async () => {
    const created = await as<{ token: string; url: string }>(
      owner,
      'POST',
      `/api/rounds/${round.id}/links`,
      { label: 'Leraren' },
      201,
    );
    link = created;
    expect(created.url).toBe(`/feedback/${created.token}`);
    const described = await as<{ status: string; round: { title: string } }>(
      null,
      'GET',
      `/api/round-links/${created.token}`,
    );
    expect(described).toMatchObject({ status: 'open', round: { title: 'Feedbackronde 1' } });
    expect(await statusOf(null, 'POST', `/api/round-links/${created.token}/accept`)).toBe(401);
    linkReviewer = await server.signUp('Lies Leraar');
    expect(
      await as<{ roundId: string }>(linkReviewer, 'POST', `/api/round-links/${created.token}/accept`),
    ).toEqual({
      roundId: round.id,
    });
    expect(await as<Round>(linkReviewer, 'GET', `/api/rounds/${round.id}`)).toMatchObject({
      access: 'reviewer',
    });
    expect(await statusOf(linkReviewer, 'GET', `/api/rounds/${otherRound.id}`)).toBe(404);
    expect(await statusOf(null, 'GET', `/api/round-links/nonsense`)).toBe(404);
    // A revoked link lets nobody else in.
    const revoked = await as<{ id: string; token: string }>(
      owner,
      'POST',
      `/api/rounds/${round.id}/links`,
      {},
      201,
    );
    expect(await statusOf(owner, 'DELETE', `/api/rounds/${round.id}/links/${revoked.id}`)).toBe(204);
    expect(await statusOf(outsider, 'POST', `/api/round-links/${revoked.token}/accept`)).toBe(410);
  });

  it('mentions in a round reach reviewers, not outsiders', async () => {
    await as(
      owner,
      'POST',
      `/api/comments/${reviewerThread.id}/replies`,
      { body: `@[Lies](${linkReviewer.id}) @[Bo](${outsider.id}) wat vinden jullie?` },
      201,
    );
    const lies = await as<{ items: Notification[] }>(linkReviewer, 'GET', '/api/notifications');
    expect(lies.items.some((n) => n.kind === 'mention' && n.link.startsWith(`/ronde/${round.id}`))).toBe(
      true,
    );
    expect((await as<{ items: Notification[] }>(outsider, 'GET', '/api/notifications')).items).toHaveLength(
      0,
    );
  });

  it('closing ends reviewer access to the version; triage must cover every item before completion', async () => {
    expect(await statusOf(editor, 'POST', `/api/rounds/${round.id}/close`)).toBe(403);
    expect(await statusOf(reviewer, 'GET', `/api/rounds/${round.id}/summary`)).toBe(409);
    expect(
      await statusOf(owner, 'PUT', `/api/rounds/${round.id}/triage`, {
        itemKind: 'comment',
        itemId: reviewerThread.id,
        decision: 'verwerkt',
        reason: 'x',
      }),
    ).toBe(409);
    const closed = await as<Round>(owner, 'POST', `/api/rounds/${round.id}/close`);
    expect(closed.status).toBe('closed');
    expect(closed.can.triage).toBe(true);
    for (const path of ['/version', '/version/state', '/comments', '/responses']) {
      expect(await statusOf(reviewer, 'GET', `/api/rounds/${round.id}${path}`)).toBe(403);
    }
    expect(
      await statusOf(reviewer, 'POST', `/api/rounds/${round.id}/comments`, { anchor: null, body: 'te laat' }),
    ).toBe(403);
    expect(
      await statusOf(reviewer, 'POST', `/api/comments/${reviewerThread.id}/replies`, { body: 'te laat' }),
    ).toBe(403);
    expect(await statusOf(outsider, 'POST', `/api/round-links/${link.token}/accept`)).toBe(410);

    const summary = await as<RoundSummary>(owner, 'GET', `/api/rounds/${round.id}/summary`);
    expect(summary.counts).toMatchObject({ total: 6, triaged: 0 });
    const refused = await server.request('POST', `/api/rounds/${round.id}/complete`, {
      cookie: owner.cookie,
    });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({
      error: { code: 'untriaged', message: expect.stringContaining('6') },
    });

    expect(
      await statusOf(viewer, 'PUT', `/api/rounds/${round.id}/triage`, {
        itemKind: 'comment',
        itemId: reviewerThread.id,
        decision: 'verwerkt',
        reason: 'x',
      }),
    ).toBe(403);
    expect(
      await statusOf(editor, 'PUT', `/api/rounds/${round.id}/triage`, {
        itemKind: 'comment',
        itemId: reviewerThread.id,
        decision: 'verwerkt',
        reason: '',
      }),
    ).toBe(400);
    const decisions = ['verwerkt', 'deels-verwerkt', 'niet-overgenomen'] as const;
    for (const [index, item] of summary.items.entries()) {
      await as(editor, 'PUT', `/api/rounds/${round.id}/triage`, {
        itemKind: item.kind,
        itemId: item.id,
        decision: decisions[index % 3],
        reason: `Reden ${index}`,
        versionId: index === 0 ? version2 : null,
      });
    }
    const completed = await as<Round>(owner, 'POST', `/api/rounds/${round.id}/complete`);
    expect(completed.status).toBe('completed');
  });

  it('the summary lists every item with its decision, for the team and the reviewers', async () => {
    const summary = await as<RoundSummary>(reviewer, 'GET', `/api/rounds/${round.id}/summary`);
    expect(summary.items).toHaveLength(6);
    expect(summary.items.every((item) => item.triage !== null)).toBe(true);
    expect(summary.counts).toMatchObject({
      total: 6,
      triaged: 6,
      verwerkt: 2,
      'deels-verwerkt': 2,
      'niet-overgenomen': 2,
    });
    expect(summary.items[0]).toMatchObject({
      kind: 'comment',
      context: 'drie stappen',
      triage: { version: { label: 'v2' } },
    });
    const notes = await as<{ items: Notification[] }>(reviewer, 'GET', '/api/notifications');
    expect(notes.items[0]).toMatchObject({ kind: 'round_completed' });
    const md = await server.request('GET', `/api/rounds/${round.id}/summary.md`, {
      cookie: linkReviewer.cookie,
    });
    const text = await md.text();
    expect(md.status).toBe(200);
    expect(text).toContain('Welke drie stappen precies?');
    expect(text).toContain('6 van 6 onderdelen beoordeeld');
    const html = await server.request('GET', `/api/rounds/${round.id}/summary.html`, {
      cookie: owner.cookie,
    });
    expect(await html.text()).toContain('<table>');
    expect(await statusOf(outsider, 'GET', `/api/rounds/${round.id}/summary`)).toBe(404);
  });

  it('open round comments carry over to the live draft: re-anchored where the text exists', async () => {
    // Reopen the reviewer's thread? It is open (never resolved): carry it.
    expect(await statusOf(viewer, 'POST', `/api/rounds/${round.id}/carry-over`)).toBe(403);
    const result = await as<{ carried: number; attached: number; detached: number }>(
      editor,
      'POST',
      `/api/rounds/${round.id}/carry-over`,
    );
    expect(result).toEqual({ carried: 1, attached: 1, detached: 0 });
    const live = await as<{ threads: CommentThread[] }>(owner, 'GET', `/api/documents/${docId}/comments`);
    const carried = live.threads.find((t) => t.carriedFrom?.threadId === reviewerThread.id)!;
    expect(carried).toMatchObject({ anchorStatus: 'attached', currentQuote: 'drie stappen', roundId: null });
    expect(carried.messages.length).toBeGreaterThanOrEqual(3);
    // Carried once only.
    expect(await as(editor, 'POST', `/api/rounds/${round.id}/carry-over`)).toEqual({
      carried: 0,
      attached: 0,
      detached: 0,
    });
  });

  it('a round past its deadline closes by itself', async () => {
    const quick = await as<Round>(
      owner,
      'POST',
      `/api/documents/${docId}/rounds`,
      { versionId: version2, title: 'Korte ronde', deadline: new Date(Date.now() + 1500).toISOString() },
      201,
    );
    await new Promise((resolve) => setTimeout(resolve, 1700));
    expect((await as<Round>(owner, 'GET', `/api/rounds/${quick.id}`)).status).toBe('closed');
  });

  it('a closed round counts for R13 (and so the interne-toetsing gate) only with triaged feedback from a teacher', async () => {
    const templates = await as<Array<{ id: string }>>(owner, 'GET', '/api/templates');
    const design = await as<{ id: string }>(
      owner,
      'POST',
      '/api/designs',
      { teamId: teamA, title: 'Ontwerp met ronde', templateId: templates[0]!.id },
      201,
    );
    const r13 = async () =>
      (
        await as<{ results: Array<{ ruleId: string; status: string }> }>(
          owner,
          'GET',
          `/api/designs/${design.id}/checks`,
        )
      ).results.find((result) => result.ruleId === 'R13')!.status;
    expect(await r13()).toBe('fail');
    const version = await as<{ id: string }>(
      owner,
      'POST',
      `/api/designs/${design.id}/versions`,
      { label: 'Prototype 1' },
      201,
    );
    const designRound = await as<Round>(
      owner,
      'POST',
      `/api/documents/${design.id}/rounds`,
      { versionId: version.id, title: 'Ronde', deadline: inAWeek() },
      201,
    );
    expect(await r13()).toBe('fail');
    // Closed without anyone responding: not enough.
    await as(owner, 'POST', `/api/rounds/${designRound.id}/close`);
    expect(await r13()).toBe('fail');
    await runValidRound(server, owner, design.id, { reviewer: outsider });
    expect(await r13()).toBe('pass');
  });
});
