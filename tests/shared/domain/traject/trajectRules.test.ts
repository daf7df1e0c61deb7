import { describe, expect, it } from 'vitest';
import type { Placement } from '../../../../shared/domain/design/types';
import { checkAgreements } from '../../../../shared/domain/traject/agreements';
import { checkPlacement, type PlacedItem } from '../../../../shared/domain/traject/placement';
import { trajectSteps } from '../../../../shared/domain/traject/steps';
import { trajectLoad } from '../../../../shared/domain/traject/totals';
import { mayEstablish } from '../../../../shared/domain/template/establish';

const vertical = (position: number | null): Placement => ({ type: 'verticaal', position });
const horizontal: Placement = { type: 'horizontaal', learningForm: 'team' };

/** `name:placement[@group]`, placement `v1`, `v2`, `v?` (vertical without a step), `h` or `-`. */
function items(spec: string): PlacedItem[] {
  return spec
    .split(' ')
    .filter(Boolean)
    .map((token) => {
      const [head, group] = token.split('@');
      const [id, kind] = head!.split(':');
      const placement =
        kind === 'h'
          ? horizontal
          : kind === '-'
            ? null
            : vertical(kind === 'v?' ? null : Number(kind!.slice(1)));
      return { id: id!, title: id!.toUpperCase(), placement, alternativeGroup: group ?? null };
    });
}

describe('trajectSteps', () => {
  it.each([
    ['a:v1 b:v2', ['a', 'b']],
    ['a:v1 b:h@k c:h@k d:v2', ['a', 'b+c', 'd']],
    // A group's members need not stand next to each other: the group is one step where it first appears.
    ['b:h@k a:v1 c:h@k', ['b+c', 'a']],
    ['a:h@k b:h@l', ['a', 'b']],
    ['', []],
  ])('%s → %j', (spec, expected) => {
    const steps = trajectSteps(items(spec)).map((step) =>
      step.kind === 'single' ? step.item.id : step.items.map((item) => item.id).join('+'),
    );
    expect(steps).toEqual(expected);
  });
});

describe('checkPlacement (R8 between design and traject)', () => {
  it.each([
    ['vertical steps in order', 'a:v1 b:v2 c:v3', [['pass', 'must']]],
    ['horizontal alternatives in a group between steps', 'a:v1 b:h@k c:h@k d:v2', [['pass', 'must']]],
    ['empty traject', '', [['pass', 'must']]],
    [
      'a horizontal design as a vertical step',
      'a:v1 b:h',
      [['fail', 'must', 'b', /horizontaal.*vaste stap 2/]],
    ],
    [
      'a vertical design inside a group',
      'a:v1@k b:h@k',
      [['fail', 'must', 'a', /verticaal \(stap 1\).*„k”/]],
    ],
    ['duplicate stap 1', 'a:v1 b:v1', [['fail', 'must', 'b', /Stap 1 komt 2 keer voor: „A” en „B”/]]],
    ['steps out of order', 'a:v2 b:v1', [['fail', 'must', 'b', /„B” \(stap 1\) staat na „A” \(stap 2\)/]]],
    ['a group of one', 'a:v1 b:h@k', [['warn', 'guideline', 'b', /„k” heeft één leerarrangement/]]],
    // The design's own R8 reports a missing placement; the traject has nothing to compare yet.
    ['designs without placement or step', 'a:- b:v? c:v1', [['pass', 'must']]],
  ] as const)('%s', (_name, spec, expected) => {
    const results = checkPlacement(items(spec));
    expect(results.map((result) => result.ruleId)).toEqual(expected.map(() => 'R8'));
    expected.forEach(([status, kind, itemId, message], index) => {
      const result = results[index]!;
      expect(result).toMatchObject({ status, kind });
      if (kind === 'must') expect(result.gate).toBe('publishing-traject');
      if (itemId) expect(result.target.itemId).toBe(itemId);
      if (message) expect(result.message).toMatch(message);
    });
  });

  it('reports every problem, each once', () => {
    const results = checkPlacement(items('a:v1 b:v1 c:h d:v1@k'));
    expect(results.map((result) => result.target.itemId).sort()).toEqual(['b', 'c', 'd', 'd']);
  });
});

describe('checkAgreements (R9 of a traject, 001 l.283)', () => {
  const own = { id: 'a', title: 'Eigen', teamId: 'mine', teamName: 'Wij' };
  const foreign = { id: 'b', title: 'Geleend', teamId: 'theirs', teamName: 'Lab West' };
  it.each([
    ['only own items', [own], [], 'pass', /geen afspraken .* nodig/],
    ['no items', [], [], 'pass', /geen afspraken/],
    ['another provider, not agreed', [own, foreign], [], 'fail', /„Geleend” \(Lab West\)/],
    ['another provider, agreed', [own, foreign], ['b'], 'pass', /vastgelegd: „Geleend” \(Lab West\)/],
    ['an agreement for an item no longer there does not count', [own, foreign], ['x'], 'fail', /Geleend/],
  ] as const)('%s → %s', (_name, list, agreed, status, message) => {
    const result = checkAgreements(list, 'mine', new Set(agreed));
    expect(result).toMatchObject({ ruleId: 'R9', kind: 'must', gate: 'publishing-traject', status });
    expect(result.message).toMatch(message);
  });
});

describe('trajectLoad (ECTS and hours over the steps)', () => {
  const load = (id: string, ects: number | null, hours: number, alternativeGroup: string | null = null) => ({
    id,
    ects,
    hours,
    alternativeGroup,
  });
  it.each([
    ['steps add up', [load('a', 3, 84), load('b', 4, 112)], { min: 7, max: 7 }, { min: 196, max: 196 }],
    [
      'alternatives count as a range, not a sum',
      [load('a', 3, 84), load('b', 4, 112, 'k'), load('c', 5, 140, 'k')],
      { min: 7, max: 8 },
      { min: 196, max: 224 },
    ],
    [
      'ECTS not stated counts as 0',
      [load('a', null, 10), load('b', 2, 56, 'k'), load('c', null, 5, 'k')],
      { min: 0, max: 2 },
      { min: 15, max: 66 },
    ],
    ['empty', [], { min: 0, max: 0 }, { min: 0, max: 0 }],
  ])('%s', (_name, list, ects, hours) => {
    expect(trajectLoad(list)).toEqual({ ects, hours });
  });
});

describe('mayEstablish (four eyes on an ontwikkelpad version)', () => {
  it.each([
    ['the owner, published by someone else', 'owner', 'x', true],
    ['the owner, their own publication', 'owner', 'me', true],
    ['an editor, published by someone else', 'editor', 'x', true],
    ['an editor, their own publication', 'editor', 'me', false],
    ['an editor, a version of the example atelier (nobody published it)', 'editor', null, true],
    ['a commenter', 'commenter', 'x', false],
    ['a viewer', 'viewer', 'x', false],
    ['a non-member', undefined, 'x', false],
  ] as const)('%s → %s', (_name, role, publishedBy, expected) => {
    expect(mayEstablish({ role, userId: 'me', publishedBy })).toBe(expected);
  });
});
