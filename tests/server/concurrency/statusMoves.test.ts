import { describe, expect, it } from 'vitest';
import { setTrajectItems } from '../../../server/commands/trajectContents';
import { changeStatus } from '../../../server/commands/lifecycle';
import { changeTrajectStatus } from '../../../server/commands/trajects';
import { ENGINES, beforeTransaction, interleave, race, refusal, useEngine } from './harness';
import { designTeam, trajectTeam } from './designFixture';

const toPrototype = { to: 'prototype' as const };

/** What the second of two moves from one status hears. */
const changedMeanwhile = (subject: string) => ({
  status: 409,
  code: 'status_changed',
  message: `De status van ${subject} is intussen gewijzigd. Bekijk de nieuwe status en probeer het opnieuw.`,
});

describe.each(ENGINES)('status moves on %s', (engine) => {
  const h = useEngine(engine);

  it('of two moves of a design checked at once, one is made; history and versions show it once', async () => {
    const { ann, bob, docId } = await designTeam(h);

    const [second, first] = await interleave(
      (pause) => changeStatus(beforeTransaction(h.deps, pause), bob.id, docId, toPrototype),
      () => changeStatus(h.deps, ann.id, docId, toPrototype),
    );

    expect(first.ok).toBe(true);
    expect(refusal(second)).toEqual(changedMeanwhile('dit leerarrangement'));
    expect(await h.deps.stores.lifecycle.history(docId)).toEqual([
      expect.objectContaining({ from: 'globaal-ontwerp', to: 'prototype', actorId: ann.id }),
    ]);
    const versions = await h.deps.stores.versions.list(docId);
    expect(versions.filter((version) => version.status === 'prototype')).toHaveLength(1);
  });

  it.runIf(engine === 'postgres')(
    'of two moves of a design in overlapping transactions, one is made',
    async () => {
      const { ann, bob, docId } = await designTeam(h);
      const held = await h.holdRows('SELECT 1 FROM designs WHERE doc_id = $1', [docId]);
      const results = race(
        () => changeStatus(h.deps, ann.id, docId, toPrototype),
        () => changeStatus(h.deps, bob.id, docId, toPrototype),
      );
      await h.waitForLockWaiters(2);
      await held.release();

      expect((await results).map((result) => result.ok).sort()).toEqual([false, true]);
      expect(await h.deps.stores.lifecycle.history(docId)).toHaveLength(1);
    },
  );

  it('of two moves of a traject checked at once, one is made', async () => {
    const { ann, bob, trajectId } = await trajectTeam(h);

    const [second, first] = await interleave(
      (pause) => changeTrajectStatus(beforeTransaction(h.deps, pause), bob.id, trajectId, toPrototype),
      () => changeTrajectStatus(h.deps, ann.id, trajectId, toPrototype),
    );

    expect(first.ok).toBe(true);
    expect(refusal(second)).toEqual(changedMeanwhile('dit traject'));
    expect(await h.deps.stores.trajectLifecycle.history(trajectId)).toHaveLength(1);
    expect(await h.deps.stores.trajectLifecycle.versions(trajectId)).toHaveLength(1);
  });

  it('refuses items checked before the traject went to external review', async () => {
    const { ann, docId, trajectId } = await trajectTeam(h);

    const [set] = await interleave(
      (pause) => setTrajectItems(beforeTransaction(h.deps, pause), ann.id, trajectId, [{ designId: docId }]),
      // The move itself needs green gates and a closed round; its effect on the row is what counts.
      () =>
        h.database.db
          .updateTable('trajects')
          .set({ status: 'aangemeld-externe-toetsing' })
          .where('id', '=', trajectId)
          .execute(),
    );

    expect(refusal(set)).toEqual({
      status: 409,
      code: 'read_only',
      message: 'Dit traject ligt bij de externe toetsing: de leerarrangementen liggen vast tot het oordeel.',
    });
    expect(await h.deps.stores.designs.items(trajectId)).toEqual([]);
  });

  it.runIf(engine === 'postgres')(
    'sets the items of a traject twice in overlapping transactions without a conflict',
    async () => {
      const { ann, bob, docId, trajectId } = await trajectTeam(h);
      const held = await h.holdRows('SELECT 1 FROM designs WHERE doc_id = $1', [docId]);
      const results = race(
        () => setTrajectItems(h.deps, ann.id, trajectId, [{ designId: docId, alternativeGroup: 'a' }]),
        () => setTrajectItems(h.deps, bob.id, trajectId, [{ designId: docId, alternativeGroup: 'b' }]),
      );
      await h.waitForLockWaiters(2);
      await held.release();

      expect((await results).map(refusal)).toEqual(['succeeded', 'succeeded']);
      expect(await h.deps.stores.designs.items(trajectId)).toHaveLength(1);
    },
  );
});
