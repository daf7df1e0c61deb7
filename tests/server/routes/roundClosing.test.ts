import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CommentMessage, CommentThread, Notification, Round } from '../../../shared/schemas/rounds';
import { onRoundChange, type RoundChange } from '../../../server/commands/roundEvents';
import { closeDueRounds, createRound } from '../../../server/commands/rounds';
import { expectJson, startTestServer, type TestServer, type TestUser } from '../../support/server';
import { waitFor } from '../../support/yclient';

// The server's own deadline job is left out, so this file decides when deadlines are processed
// (the real job is tested below, on its own timer).
vi.mock('../../../server/commands/rounds/deadlineJob', () => ({
  startDeadlineJob: () => ({ stop: () => undefined }),
}));

/**
 * How a feedback round closes — by its owner or at its deadline, the same way (status, audit record,
 * the team's notification, the live event; in one transaction) — and what a closed round allows:
 * reads never write (a round past its deadline reads as closed before the deadline job has run),
 * and its threads are read-only for team and reviewers alike.
 */

let server: TestServer;
let owner: TestUser;
let editor: TestUser;
let commenter: TestUser;
let viewer: TestUser;
let reviewer: TestUser;
let teamId: string;
let reviewerTeam: string;
let docId: string;
let versionId: string;

async function as<T>(user: TestUser | null, method: string, path: string, body?: unknown, status = 200) {
  const response = await server.request(method, path, { ...(user ? { cookie: user.cookie } : {}), body });
  return expectJson<T>(response, status, `${method} ${path}`);
}

async function refusal(user: TestUser, method: string, path: string, body?: unknown) {
  const response = await server.request(method, path, { cookie: user.cookie, body });
  return {
    status: response.status,
    code: ((await response.json()) as { error: { code: string } }).error.code,
  };
}

const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();

/** An open round with the reviewers' team invited. */
async function openRound(title = 'Ronde'): Promise<Round> {
  const round = await as<Round>(
    owner,
    'POST',
    `/api/documents/${docId}/rounds`,
    { versionId, title, deadline: inAWeek() },
    201,
  );
  await as(owner, 'POST', `/api/rounds/${round.id}/teams`, { teamId: reviewerTeam }, 201);
  // The reviewers' team takes part once its owner accepts.
  const accepted = await server.request(
    'POST',
    `/api/teams/${reviewerTeam}/review-requests/${round.id}/accept`,
    {
      cookie: reviewer.cookie,
    },
  );
  expect(accepted.status).toBe(204);
  return round;
}

/** Moves the round's deadline into the past, as time passing would (the API refuses a past deadline). */
async function passDeadline(roundId: string, deadline = Date.now() - 60_000): Promise<number> {
  await server.running.deps.database.db
    .updateTable('feedback_rounds')
    .set({ deadline })
    .where('id', '=', roundId)
    .execute();
  return deadline;
}

const row = async (roundId: string) => (await server.running.deps.stores.rounds.round(roundId))!;
const closeRecords = async (roundId: string) =>
  (await server.running.deps.stores.audit.forTeam(teamId)).filter(
    (event) => event.action === 'round.closed' && event.details.roundId === roundId,
  );
async function closedNotes(user: TestUser, round: Round): Promise<Notification[]> {
  const { items } = await as<{ items: Notification[] }>(user, 'GET', '/api/notifications');
  return items.filter((item) => item.kind === 'round_closed' && item.link.includes(round.id));
}

beforeAll(async () => {
  server = await startTestServer();
  [owner, editor, commenter, viewer, reviewer] = await Promise.all([
    server.signUp('Olga Eigenaar'),
    server.signUp('Eef Bewerker'),
    server.signUp('Coen Commentator'),
    server.signUp('Vik Lezer'),
    server.signUp('Rosa Reviewer'),
  ]);
  teamId = await server.createTeam(owner, { name: 'Lab Sluiten', kind: 'cocreatieteam' });
  await server.addMember(owner, teamId, editor, 'editor');
  await server.addMember(owner, teamId, commenter, 'commenter');
  await server.addMember(owner, teamId, viewer, 'viewer');
  reviewerTeam = await server.createTeam(reviewer, { name: 'Lab Review', kind: 'cocreatieteam' });
  docId = (await as<{ id: string }>(owner, 'POST', '/api/documents', { teamId, title: 'Notities' }, 201)).id;
  versionId = (
    await as<{ id: string }>(owner, 'POST', `/api/documents/${docId}/versions`, { label: 'v1' }, 201)
  ).id;
});

afterAll(async () => {
  await server?.close();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a round past its deadline, before the deadline job ran', () => {
  it('reads as closed everywhere, and reading writes nothing', async () => {
    const round = await openRound('Verlopen ronde');
    const deadline = await passDeadline(round.id);

    const seen = await as<Round>(editor, 'GET', `/api/rounds/${round.id}`);
    expect(seen).toMatchObject({ status: 'closed', closedAt: new Date(deadline).toISOString() });
    expect(seen.can).toEqual({ comment: false, respond: false, manage: false, triage: true });
    const listed = await as<{ rounds: Round[] }>(owner, 'GET', `/api/documents/${docId}/rounds`);
    expect(listed.rounds.find((item) => item.id === round.id)?.status).toBe('closed');
    const mine = await as<{ rounds: Round[] }>(reviewer, 'GET', '/api/me/rounds');
    expect(mine.rounds.find((item) => item.id === round.id)).toMatchObject({
      status: 'closed',
      can: { comment: false, respond: false },
    });
    // The reviewer's access to the version ended; the summary is theirs to read.
    expect((await refusal(reviewer, 'GET', `/api/rounds/${round.id}/version`)).status).toBe(403);
    await as(reviewer, 'GET', `/api/rounds/${round.id}/summary`);
    // R13 sees it as closed already.
    expect((await server.running.deps.stores.rounds.closedRoundsOf(docId)).map((r) => r.id)).toContain(
      round.id,
    );

    // Nothing was written by any of those reads.
    expect(await row(round.id)).toMatchObject({ status: 'open', closed_at: null });
    expect(await closeRecords(round.id)).toEqual([]);
    expect(await closedNotes(editor, round)).toEqual([]);
  });

  it('a write that needs it closes the round first: triage and completion work', async () => {
    const round = await openRound('Triage na de deadline');
    const thread = await as<CommentThread>(
      reviewer,
      'POST',
      `/api/rounds/${round.id}/comments`,
      { anchor: null, body: 'Helder verhaal.' },
      201,
    );
    const deadline = await passDeadline(round.id);
    await as(editor, 'PUT', `/api/rounds/${round.id}/triage`, {
      itemKind: 'comment',
      itemId: thread.id,
      decision: 'verwerkt',
      reason: 'Overgenomen',
    });
    // Closed by its deadline (no actor), dated at the deadline, recorded once.
    expect(await row(round.id)).toMatchObject({ status: 'closed', closed_by: null, closed_at: deadline });
    expect(await closeRecords(round.id)).toHaveLength(1);
    expect((await as<Round>(owner, 'POST', `/api/rounds/${round.id}/complete`)).status).toBe('completed');
  });
});

describe('closing', () => {
  it('the deadline job closes a due round once: audit record, notifications and event', async () => {
    const round = await openRound('Deadline-ronde');
    const deadline = await passDeadline(round.id);
    const changes: RoundChange[] = [];
    const stop = onRoundChange(docId, (change) => changes.push(change));
    try {
      expect(await closeDueRounds(server.running.deps)).toBeGreaterThanOrEqual(1);
    } finally {
      stop();
    }
    expect(await row(round.id)).toMatchObject({ status: 'closed', closed_by: null, closed_at: deadline });
    expect(await closeRecords(round.id)).toMatchObject([
      { actorId: null, details: { roundId: round.id, documentId: docId } },
    ]);
    expect(changes).toContainEqual({ kind: 'round', roundId: round.id });
    // Owners and editors are told the triage can start; commenters and viewers are not.
    for (const user of [owner, editor]) {
      const notes = await closedNotes(user, round);
      expect(notes).toHaveLength(1);
      expect(notes[0]!.text).toContain('deadline verstreken');
    }
    expect(await closedNotes(commenter, round)).toEqual([]);
    expect(await closedNotes(viewer, round)).toEqual([]);

    // Safe to run again: nothing is closed, recorded or sent twice.
    expect(await closeDueRounds(server.running.deps)).toBe(0);
    expect(await closeRecords(round.id)).toHaveLength(1);
    expect(await closedNotes(editor, round)).toHaveLength(1);
  });

  it('closes in one transaction: a failing notification leaves the round open and unrecorded', async () => {
    const round = await openRound('Mislukte sluiting');
    await passDeadline(round.id);
    // The notification's INSERT fails inside the closing transaction (its table is gone for now).
    const db = server.running.deps.database.db;
    await sql`ALTER TABLE notifications RENAME TO notifications_away`.execute(db);
    try {
      await expect(closeDueRounds(server.running.deps)).rejects.toThrow(/notifications/);
    } finally {
      await sql`ALTER TABLE notifications_away RENAME TO notifications`.execute(db);
    }
    expect((await row(round.id)).status).toBe('open');
    expect(await closeRecords(round.id)).toEqual([]);
    await closeDueRounds(server.running.deps);
    expect((await row(round.id)).status).toBe('closed');
    expect(await closeRecords(round.id)).toHaveLength(1);
  });

  it("the owner's close does the same: audit record, the team's notification, event", async () => {
    const round = await openRound('Eigenaar sluit');
    const changes: RoundChange[] = [];
    const stop = onRoundChange(docId, (change) => changes.push(change));
    try {
      expect((await as<Round>(owner, 'POST', `/api/rounds/${round.id}/close`)).status).toBe('closed');
    } finally {
      stop();
    }
    expect(await row(round.id)).toMatchObject({ status: 'closed', closed_by: owner.id });
    expect(await closeRecords(round.id)).toMatchObject([{ actorId: owner.id }]);
    expect(changes).toContainEqual({ kind: 'round', roundId: round.id });
    const notes = await closedNotes(editor, round);
    expect(notes).toMatchObject([{ actor: { id: owner.id } }]);
    expect(notes[0]!.text).toContain('Olga Eigenaar heeft de feedbackronde');
    // The one who closed it is not told.
    expect(await closedNotes(owner, round)).toEqual([]);
  });

  it('the deadline job runs on its timer until stopped', async () => {
    const { startDeadlineJob } = await vi.importActual<
      typeof import('../../../server/commands/rounds/deadlineJob')
    >('../../../server/commands/rounds/deadlineJob');
    const first = await openRound('Timer 1');
    const second = await openRound('Timer 2');
    const job = await startDeadlineJob(server.running.deps, 20);
    try {
      await passDeadline(first.id);
      await waitFor(async () => (await row(first.id)).status === 'closed', 'the job closes the round', 2000);
    } finally {
      job.stop();
    }
    await passDeadline(second.id);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await row(second.id)).status).toBe('open');
    expect(await closeRecords(first.id)).toHaveLength(1);
  });

  it('creating a round through the command needs a future deadline', async () => {
    await expect(
      createRound(server.running.deps, owner.id, docId, {
        versionId,
        title: 'Te laat',
        deadline: new Date(Date.now() - 1000).toISOString(),
      }),
    ).rejects.toThrow('De deadline ligt in het verleden.');
  });
});

describe("a closed round's threads", () => {
  let round: Round;
  let thread: CommentThread;
  let own: CommentMessage;

  beforeAll(async () => {
    round = await openRound('Gesloten gesprekken');
    thread = await as<CommentThread>(
      reviewer,
      'POST',
      `/api/rounds/${round.id}/comments`,
      { anchor: null, body: 'Wat bedoelen jullie hier?' },
      201,
    );
    own = await as<CommentMessage>(
      commenter,
      'POST',
      `/api/comments/${thread.id}/replies`,
      { body: 'Zie paragraaf 2.' },
      201,
    );
    await as(owner, 'POST', `/api/rounds/${round.id}/close`);
  });

  it('take no new threads, replies, edits, deletes, resolves or reopens from the team (409)', async () => {
    const writes: Array<[TestUser, string, string, unknown?]> = [
      [owner, 'POST', `/api/rounds/${round.id}/comments`, { anchor: null, body: 'Nog iets' }],
      [commenter, 'POST', `/api/comments/${thread.id}/replies`, { body: 'Alsnog' }],
      [editor, 'POST', `/api/comments/${thread.id}/resolve`],
      [editor, 'POST', `/api/comments/${thread.id}/reopen`],
      [commenter, 'PATCH', `/api/comments/messages/${own.id}`, { body: 'Anders' }],
      [commenter, 'DELETE', `/api/comments/messages/${own.id}`],
    ];
    for (const [user, method, path, body] of writes) {
      expect(await refusal(user, method, path, body), `${method} ${path}`).toEqual({
        status: 409,
        code: 'round_closed',
      });
    }
    // A viewer is refused for the role first, as on an open round.
    expect((await refusal(viewer, 'POST', `/api/comments/${thread.id}/replies`, { body: 'x' })).status).toBe(
      403,
    );
  });

  it('nor from reviewers, whose access ended (403); the team still reads them', async () => {
    expect(await refusal(reviewer, 'POST', `/api/comments/${thread.id}/replies`, { body: 'x' })).toEqual({
      status: 403,
      code: 'round_closed',
    });
    const { threads } = await as<{ threads: CommentThread[] }>(
      viewer,
      'GET',
      `/api/rounds/${round.id}/comments`,
    );
    expect(threads.map((item) => item.messages.length)).toEqual([2]);
    const seen = await as<Round>(commenter, 'GET', `/api/rounds/${round.id}`);
    expect(seen.can.comment).toBe(false);
  });

  it('the same holds for a round past its deadline that the job has not closed yet', async () => {
    const late = await openRound('Te laat voor een antwoord');
    const lateThread = await as<CommentThread>(
      reviewer,
      'POST',
      `/api/rounds/${late.id}/comments`,
      { anchor: null, body: 'Vraag' },
      201,
    );
    await passDeadline(late.id);
    expect(await refusal(commenter, 'POST', `/api/comments/${lateThread.id}/replies`, { body: 'x' })).toEqual(
      {
        status: 409,
        code: 'round_closed',
      },
    );
    expect((await row(late.id)).status).toBe('open');
  });
});
