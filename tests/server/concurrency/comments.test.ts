import { describe, expect, it } from 'vitest';
import { createDocumentThread, editMessage } from '../../../server/commands/comments';
import { closeRoundByOwner, inviteTeam } from '../../../server/commands/rounds';
import { ENGINES, beforeTransaction, interleave, refusal, useEngine } from './harness';
import { notificationCount, openRound } from './roundFixture';

describe.each(ENGINES)('comments and reviewers on %s', (engine) => {
  const h = useEngine(engine);

  it('notifies someone newly mentioned once when two edits add the mention at once', async () => {
    const r = await openRound(h);
    const thread = await createDocumentThread(h.deps, r.eva.id, r.docId, {
      anchor: null,
      body: 'Kijk hier eens',
    });
    const body = `Kijk hier eens, @[Ann](${r.ann.id})`;

    const [second, first] = await interleave(
      (pause) => editMessage(beforeTransaction(h.deps, pause), r.eva.id, thread.id, body),
      () => editMessage(h.deps, r.eva.id, thread.id, body),
    );

    expect([first.ok, second.ok]).toEqual([true, true]);
    expect(await notificationCount(h, r.ann.id, 'mention')).toBe(1);
  });

  it('refuses to invite a team when the round closed after the check', async () => {
    const r = await openRound(h);
    const other = await h.team((await h.user('Olga')).id);

    const [invited, closed] = await interleave(
      (pause) => inviteTeam(beforeTransaction(h.deps, pause), r.ann.id, r.roundId, other),
      () => closeRoundByOwner(h.deps, r.ann.id, r.roundId),
    );

    expect(closed.ok).toBe(true);
    expect(refusal(invited)).toEqual({
      status: 409,
      code: 'round_closed',
      message: 'Deze feedbackronde is gesloten.',
    });
    expect(await h.deps.stores.rounds.teamsOfRound(r.roundId)).toEqual([]);
  });
});
