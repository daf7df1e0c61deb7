import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { upgradeDesign } from '../../../server/commands/designs';
import { createTemplateDraft, publishTemplate } from '../../../server/commands/templates';
import { saveVersion } from '../../../server/commands/versions';
import { ENGINES, beforeTransaction, interleave, race, refusal, useEngine, type Harness } from './harness';
import { designTeam, exampleVersion } from './designFixture';

/** An ontwikkelpad of its own with versions 1.0 and 1.1 (the example's content), published directly. */
async function twoVersions(h: Harness) {
  const example = await exampleVersion(h);
  const templateKey = randomUUID();
  const ids = [randomUUID(), randomUUID()] as const;
  for (const [minor, id] of ids.entries()) {
    await h.deps.stores.templateVersions.insert({
      id,
      templateKey,
      teamId: example.teamId,
      draftDocId: null,
      major: 1,
      minor,
      content: example.content,
      changeNote: `1.${minor}`,
      example: false,
      publishedBy: null,
    });
  }
  return { v10: ids[0], v11: ids[1] };
}

/** An atelier (Ann owns it) with a draft revising the example ontwikkelpad, loaded in the stub rooms. */
async function atelierDraft(h: Harness) {
  const ann = await h.user('Ann');
  const teamId = await h.team(ann.id, 'atelier');
  const example = await exampleVersion(h);
  const { id: draftId } = await createTemplateDraft(h.deps, ann.id, { teamId, fromVersionId: example.id });
  await h.open(draftId);
  return { ann, teamId, draftId };
}

const VERSION_PUBLISHED = {
  status: 409,
  code: 'version_published',
  message:
    'Intussen is er een andere versie van dit ontwikkelpad gepubliceerd. Bekijk de wijzigingen en publiceer opnieuw.',
};

describe.each(ENGINES)('version lines on %s', (engine) => {
  const h = useEngine(engine);

  it('upgrades a design once when two upgrade it at once', async () => {
    const { v10, v11 } = await twoVersions(h);
    const { ann, bob, teamId, docId } = await designTeam(h, v10);

    const [second, first] = await interleave(
      (pause) => upgradeDesign(beforeTransaction(h.deps, pause), bob.id, docId, v11),
      () => upgradeDesign(h.deps, ann.id, docId, v11),
    );

    expect(first.ok).toBe(true);
    expect(refusal(second)).toMatchObject({ status: 409, code: 'pin_changed' });
    const upgraded = (await h.deps.stores.audit.forTeam(teamId)).filter(
      (event) => event.action === 'design.upgraded',
    );
    expect(upgraded).toHaveLength(1);
    const updates = h.rooms.calls.filter(
      (call) => call.method === 'applyServerUpdate' && call.args[0] === docId,
    );
    expect(updates).toHaveLength(1);
  });

  it('publishes one version when a draft is published twice at once; the other hears why', async () => {
    const { ann, draftId } = await atelierDraft(h);
    const publish = { changeNote: 'Eerste versie' };

    const [second, first] = await interleave(
      (pause) => publishTemplate(beforeTransaction(h.deps, pause), ann.id, draftId, publish),
      () => publishTemplate(h.deps, ann.id, draftId, publish),
    );

    expect(first).toEqual({ ok: true, value: { id: expect.any(String), version: '1.0' } });
    expect(refusal(second)).toEqual(VERSION_PUBLISHED);
  });

  it.runIf(engine === 'postgres')(
    'publishes one version when a draft is published twice in overlapping transactions',
    async () => {
      const { ann, teamId, draftId } = await atelierDraft(h);
      const publish = { changeNote: 'Eerste versie' };
      // Both publications insert a version of the atelier, which waits for its row.
      const held = await h.holdRows('SELECT 1 FROM teams WHERE id = $1', [teamId]);
      const results = race(
        () => publishTemplate(h.deps, ann.id, draftId, publish),
        () => publishTemplate(h.deps, ann.id, draftId, publish),
      );
      await h.waitForLockWaiters(2);
      await held.release();

      const outcomes = (await results).map(refusal);
      expect(outcomes).toContain('succeeded');
      expect(outcomes).toContainEqual(VERSION_PUBLISHED);
    },
  );

  it('keeps both of two versions saved at once, newest first', async () => {
    const { ann, bob, docId } = await designTeam(h);
    const save = (userId: string, label: string) => () => saveVersion(h.deps, userId, docId, { label });
    const held =
      engine === 'postgres' ? await h.holdRows('SELECT 1 FROM documents WHERE id = $1', [docId]) : undefined;
    const results = race(save(ann.id, 'Van Ann'), save(bob.id, 'Van Bob'));
    if (held) {
      await h.waitForLockWaiters(2);
      await held.release();
    }
    const ids = (await results).map((result) => (result.ok ? result.value.id : result.error));

    const listed = await h.deps.stores.versions.list(docId);
    expect(listed.map((version) => version.id).sort()).toEqual([...ids].sort());
    expect(new Set(listed.map((version) => version.label))).toEqual(new Set(['Van Ann', 'Van Bob']));
    const times = listed.map((version) => version.createdAt);
    expect(times).toEqual([...times].sort().reverse());
  });
});
