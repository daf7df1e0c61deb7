import { describe, expect, it } from 'vitest';
import { createRoundThread } from '../../../server/commands/comments';
import {
  acceptRoundLink,
  closeDueRounds,
  closeRoundByOwner,
  revokeRoundLink,
  saveResponses,
  updateRound,
} from '../../../server/commands/rounds';
import { ENGINES, beforeTransaction, interleave, race, refusal, useEngine } from './harness';
import { auditCount, notificationCount, openRound } from './roundFixture';

/** What an owner closing a round that is closed already hears. */
const ALREADY_CLOSED = { status: 409, code: 'round_closed', message: 'Deze feedbackronde is al gesloten.' };

describe.each(ENGINES)('closing a round on %s', (engine) => {
  const h = useEngine(engine);

  it('closed by its owner and by the deadline job at once: one record, one notification each', async () => {
    const r = await openRound(h);

    // The owner's close is checked, the deadline job closes the round, then the owner's close writes.
    const [byOwner, byJob] = await interleave(
      (pause) => closeRoundByOwner(beforeTransaction(h.deps, pause), r.ann.id, r.roundId),
      () => closeDueRounds(h.deps, r.deadline),
    );

    expect(byJob).toEqual({ ok: true, value: expect.any(Number) });
    expect(refusal(byOwner)).toEqual(ALREADY_CLOSED);
    expect((await h.deps.stores.rounds.round(r.roundId))?.closed_by).toBeNull();
    expect(await auditCount(h, r.teamId, 'round.closed', r.roundId)).toBe(1);
    expect(await notificationCount(h, r.eva.id, 'round_closed')).toBe(1);
    expect(await notificationCount(h, r.ann.id, 'round_closed')).toBe(1);
  });

  it.runIf(engine === 'postgres')(
    'closed by its owner and by the deadline job in overlapping transactions: closed once',
    async () => {
      const r = await openRound(h);
      const held = await h.holdRows('SELECT 1 FROM feedback_rounds WHERE id = $1', [r.roundId]);
      const results = race<unknown>(
        () => closeRoundByOwner(h.deps, r.ann.id, r.roundId),
        () => closeDueRounds(h.deps, r.deadline),
      );
      await h.waitForLockWaiters(2);
      await held.release();
      const [byOwner] = await results;

      expect(await auditCount(h, r.teamId, 'round.closed', r.roundId)).toBe(1);
      expect(await notificationCount(h, r.eva.id, 'round_closed')).toBe(1);
      const closedBy = (await h.deps.stores.rounds.round(r.roundId))?.closed_by;
      // Whoever came second changed nothing; the owner hears it when the job came first.
      expect(byOwner!.ok).toBe(closedBy === r.ann.id);
      if (!byOwner!.ok) expect(refusal(byOwner!)).toEqual(ALREADY_CLOSED);
    },
  );

  it('refuses answers whose check came before the round closed', async () => {
    const r = await openRound(h);

    const [saved, closed] = await interleave(
      (pause) => saveResponses(beforeTransaction(h.deps, pause), r.rik.id, r.roundId, { answers: r.answers }),
      () => closeRoundByOwner(h.deps, r.ann.id, r.roundId),
    );

    expect(closed.ok).toBe(true);
    expect(refusal(saved)).toEqual({
      status: 403,
      code: 'round_closed',
      message: 'Deze feedbackronde is gesloten; je kunt alleen de samenvatting nog zien.',
    });
    expect(await h.deps.stores.rounds.responses(r.roundId)).toEqual([]);
  });

  it('refuses a thread whose check came before the round closed', async () => {
    const r = await openRound(h);

    const [thread, closed] = await interleave(
      (pause) =>
        createRoundThread(beforeTransaction(h.deps, pause), r.eva.id, r.roundId, {
          anchor: null,
          body: 'Te laat',
        }),
      () => closeRoundByOwner(h.deps, r.ann.id, r.roundId),
    );

    expect(closed.ok).toBe(true);
    expect(refusal(thread)).toEqual({
      status: 409,
      code: 'round_closed',
      message: 'Deze feedbackronde is gesloten.',
    });
    expect(await h.deps.stores.rounds.roundComments(r.roundId)).toEqual([]);
  });

  it('refuses an edit whose check came before the round closed', async () => {
    const r = await openRound(h);

    const [edited, closed] = await interleave(
      (pause) =>
        updateRound(beforeTransaction(h.deps, pause), r.ann.id, r.roundId, {
          deadline: new Date(r.deadline + 86_400_000).toISOString(),
        }),
      () => closeRoundByOwner(h.deps, r.ann.id, r.roundId),
    );

    expect(closed.ok).toBe(true);
    expect(refusal(edited)).toEqual({
      status: 409,
      code: 'round_closed',
      message: 'Een gesloten feedbackronde kan niet meer worden gewijzigd.',
    });
    expect((await h.deps.stores.rounds.round(r.roundId))?.deadline).toBe(r.deadline);
  });

  it('tells the team of a reviewer’s first submit once, however many arrive at once', async () => {
    const r = await openRound(h);
    const submit = { answers: r.answers, submit: true, perspective: 'leraar' as const };

    const [first, second] = await interleave(
      (pause) => saveResponses(beforeTransaction(h.deps, pause), r.rik.id, r.roundId, submit),
      () => saveResponses(h.deps, r.rik.id, r.roundId, submit),
    );

    expect([first.ok, second.ok]).toEqual([true, true]);
    for (const member of [r.ann, r.eva])
      expect(await notificationCount(h, member.id, 'round_feedback', 'heeft feedback gegeven')).toBe(1);
  });

  it('lets nobody in through a link revoked after the check', async () => {
    const r = await openRound(h);
    const zoe = await h.user('Zoë');

    const [joined, revoked] = await interleave(
      (pause) => acceptRoundLink(beforeTransaction(h.deps, pause), zoe.id, r.token),
      () => revokeRoundLink(h.deps, r.ann.id, r.roundId, r.linkId),
    );

    expect(revoked.ok).toBe(true);
    expect(refusal(joined)).toEqual({
      status: 410,
      code: 'link_revoked',
      message: 'Deze feedbacklink is ingetrokken.',
    });
    expect(await h.deps.stores.rounds.isIndividualReviewer(r.roundId, zoe.id)).toBe(false);
  });
});
