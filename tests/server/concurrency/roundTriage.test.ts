import { describe, expect, it } from 'vitest';
import { createRoundThread } from '../../../server/commands/comments';
import {
  carryOver,
  closeRoundByOwner,
  completeRound,
  saveResponses,
  triageItem,
} from '../../../server/commands/rounds';
import { ENGINES, beforeTransaction, interleave, refusal, useEngine, type Harness } from './harness';
import { auditCount, notificationCount, openRound } from './roundFixture';

/** A closed round with one answer of Rik's and, with `triaged`, a decision about it. */
async function closedRound(h: Harness, triaged: boolean) {
  const r = await openRound(h);
  await saveResponses(h.deps, r.rik.id, r.roundId, {
    answers: r.answers,
    submit: true,
    perspective: 'leraar',
  });
  await closeRoundByOwner(h.deps, r.ann.id, r.roundId);
  const [answer] = await h.deps.stores.rounds.responses(r.roundId);
  const decide = (deps = h.deps, decision: 'verwerkt' | 'niet-overgenomen' = 'verwerkt') =>
    triageItem(deps, r.eva.id, r.roundId, { itemKind: 'response', itemId: answer!.id, decision, reason: '' });
  if (triaged) await decide();
  return { ...r, decide };
}

describe.each(ENGINES)('triage and carry-over on %s', (engine) => {
  const h = useEngine(engine);

  it('completes a round once: one record, one notification per reviewer, the second refused', async () => {
    const r = await closedRound(h, true);

    const [second, first] = await interleave(
      (pause) => completeRound(beforeTransaction(h.deps, pause), r.eva.id, r.roundId),
      () => completeRound(h.deps, r.ann.id, r.roundId),
    );

    expect(first.ok).toBe(true);
    expect(refusal(second)).toEqual({
      status: 409,
      code: 'round_completed',
      message: 'Deze ronde is al afgerond.',
    });
    expect(await auditCount(h, r.teamId, 'round.completed', r.roundId)).toBe(1);
    expect(await notificationCount(h, r.rik.id, 'round_completed')).toBe(1);
  });

  it('refuses a decision whose check came before the round was completed', async () => {
    const r = await closedRound(h, true);

    const [decided, completed] = await interleave(
      (pause) => r.decide(beforeTransaction(h.deps, pause), 'niet-overgenomen'),
      () => completeRound(h.deps, r.ann.id, r.roundId),
    );

    expect(completed.ok).toBe(true);
    expect(refusal(decided)).toEqual({
      status: 409,
      code: 'round_completed',
      message: 'Deze ronde is afgerond.',
    });
    expect((await h.deps.stores.rounds.triage(r.roundId)).map((row) => row.decision)).toEqual(['verwerkt']);
  });

  it('carries each thread over once when two carry it over at once', async () => {
    const r = await openRound(h);
    await createRoundThread(h.deps, r.rik.id, r.roundId, { anchor: null, body: 'Mooi begin' });
    await closeRoundByOwner(h.deps, r.ann.id, r.roundId);

    const [second, first] = await interleave(
      (pause) => carryOver(beforeTransaction(h.deps, pause), r.eva.id, r.roundId),
      () => carryOver(h.deps, r.ann.id, r.roundId),
    );

    expect(first).toEqual({ ok: true, value: { carried: 1, attached: 0, detached: 0 } });
    expect(second).toEqual({ ok: true, value: { carried: 0, attached: 0, detached: 0 } });
    const carried = (await h.deps.stores.rounds.liveComments(r.docId)).filter(
      (row) => row.carried_from_round === r.roundId,
    );
    expect(carried.map((row) => row.body)).toEqual(['Mooi begin']);
  });
});
