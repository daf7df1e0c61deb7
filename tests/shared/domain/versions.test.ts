import { describe, expect, it } from 'vitest';
import { diffSections } from '../../../shared/domain/versions/diff';
import { diffDesigns, diffRuleResults } from '../../../shared/domain/versions/structuredDiff';
import { diffText, sideOf, type DiffPart } from '../../../shared/domain/versions/textDiff';
import type { DesignContent } from '../../../shared/domain/design/types';
import type { RuleResult } from '../../../shared/domain/design/rules';

const changed = (parts: DiffPart[]) => parts.filter((part) => part.type !== 'equal');

describe('diffText', () => {
  it('marks an inserted word and keeps the rest equal', () => {
    const parts = diffText('De leraar geeft les', 'De ervaren leraar geeft les');
    expect(changed(parts)).toEqual([{ type: 'insert', text: 'ervaren ' }]);
    expect(sideOf(parts, 'before')).toBe('De leraar geeft les');
    expect(sideOf(parts, 'after')).toBe('De ervaren leraar geeft les');
  });

  it('marks a deleted word', () => {
    const parts = diffText('een heel korte zin', 'een korte zin');
    expect(changed(parts)).toEqual([{ type: 'delete', text: 'heel ' }]);
  });

  it('shows a moved paragraph as removed in one place and added in the other', () => {
    const before = 'Eerste alinea.\nTweede alinea.\nDerde alinea.';
    const after = 'Tweede alinea.\nDerde alinea.\nEerste alinea.';
    const parts = diffText(before, after);
    expect(parts.some((part) => part.type === 'delete' && part.text.includes('Eerste'))).toBe(true);
    expect(parts.some((part) => part.type === 'insert' && part.text.includes('Eerste'))).toBe(true);
    expect(sideOf(parts, 'before')).toBe(before);
    expect(sideOf(parts, 'after')).toBe(after);
  });

  it('handles empty sides', () => {
    expect(diffText('', 'nieuw')).toEqual([{ type: 'insert', text: 'nieuw' }]);
    expect(diffText('weg', '')).toEqual([{ type: 'delete', text: 'weg' }]);
    expect(diffText('', '')).toEqual([]);
  });

  it('stays fast on 100k-word texts with scattered and wholesale changes', () => {
    const words = Array.from({ length: 100_000 }, (_, i) => `woord${i % 997}`);
    const paragraphs = (list: string[]) =>
      list.reduce((text, word, i) => text + word + (i % 50 === 49 ? '\n' : ' '), '');
    const before = paragraphs(words);
    const edited = [...words];
    for (let i = 0; i < edited.length; i += 5_000) edited[i] = 'GEWIJZIGD';
    const started = performance.now();
    const scattered = diffText(before, paragraphs(edited));
    const reversed = diffText(before, paragraphs([...words].reverse()));
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(sideOf(scattered, 'after')).toBe(paragraphs(edited));
    expect(sideOf(reversed, 'before')).toBe(before);
    expect(
      changed(scattered)
        .filter((part) => part.type === 'insert')
        .map((part) => part.text.trim()),
    ).toContain('GEWIJZIGD');
  });
});

describe('diffSections', () => {
  it('matches sections by id and reports added, removed and changed ones', () => {
    const result = diffSections(
      [
        { id: 'a', heading: 'Inleiding', text: 'oud' },
        { id: 'b', heading: 'Weg', text: 'tekst' },
      ],
      [
        { id: 'a', heading: 'Inleiding', text: 'nieuw' },
        { id: 'c', heading: 'Nieuw', text: 'meer' },
      ],
    );
    expect(result.map((section) => [section.id, section.status])).toEqual([
      ['a', 'changed'],
      ['c', 'added'],
      ['b', 'removed'],
    ]);
  });
});

const base: DesignContent = {
  title: 'Klimaat',
  sectors: ['vo'],
  nlqfLevel: 5,
  targetedOutcomeIds: ['lu-a'],
  ects: 3,
  mode: 'formeel',
  placement: null,
  activities: [
    {
      id: 'act-1',
      title: 'Workshop',
      kind: 'workshop',
      mode: 'formeel',
      hours: 4,
      materialStatus: null,
      provider: { type: 'team' },
    },
  ],
  evidence: { 'lu-a': 'Portfolio' },
  evcApproach: '',
  trajectRelation: '',
};

describe('diffDesigns', () => {
  it('lists outcomes, size, activities and evidence that changed', () => {
    const after: DesignContent = {
      ...base,
      targetedOutcomeIds: ['lu-b'],
      ects: 5,
      activities: [
        { ...base.activities[0]!, hours: 6 },
        { ...base.activities[0]!, id: 'act-2', title: 'Intervisie' },
      ],
      evidence: { 'lu-a': 'Portfolio en gesprek' },
    };
    const changes = diffDesigns(base, after);
    expect(changes).toEqual(
      expect.arrayContaining([
        { kind: 'outcome-added', outcomeId: 'lu-b' },
        { kind: 'outcome-removed', outcomeId: 'lu-a' },
        { kind: 'field-changed', field: 'ects', before: 3, after: 5 },
        expect.objectContaining({ kind: 'activity-changed', fields: ['hours'] }),
        expect.objectContaining({ kind: 'activity-added' }),
        { kind: 'evidence-changed', outcomeId: 'lu-a', before: 'Portfolio', after: 'Portfolio en gesprek' },
      ]),
    );
    expect(diffDesigns(base, base)).toEqual([]);
  });

  it('reports rule results whose status changed', () => {
    const rule = (status: RuleResult['status']): RuleResult => ({
      ruleId: 'R3',
      kind: 'must',
      status,
      message: 'ECTS',
      target: { field: 'ects' },
    });
    expect(diffRuleResults([rule('fail')], [rule('pass')])).toEqual([
      { ruleId: 'R3', target: { field: 'ects' }, before: 'fail', after: 'pass', message: 'ECTS' },
    ]);
    expect(diffRuleResults([rule('pass')], [rule('pass')])).toEqual([]);
  });

  it('lists a rule once when its target moves with the verdict (R7: the first outcome without evidence)', () => {
    const r7 = (status: RuleResult['status'], itemId?: string): RuleResult => ({
      ruleId: 'R7',
      kind: 'must',
      status,
      message: status,
      target: { field: 'evidence', ...(itemId ? { itemId } : {}) },
      gate: 'leaving-prototype',
    });
    expect(diffRuleResults([r7('fail', 'lu-b')], [r7('pass')])).toEqual([
      { ruleId: 'R7', target: { field: 'evidence' }, before: 'fail', after: 'pass', message: 'pass' },
    ]);
    expect(diffRuleResults([r7('pass')], [r7('fail', 'lu-a')])).toEqual([
      expect.objectContaining({ ruleId: 'R7', before: 'pass', after: 'fail' }),
    ]);
    // Another outcome lacks evidence now: still failing, so no change.
    expect(diffRuleResults([r7('fail', 'lu-a')], [r7('fail', 'lu-b')])).toEqual([]);
  });
});
