import { describe, expect, it } from 'vitest';
import { diffTemplates } from '../../../shared/domain/template/diff';
import type { TemplateContent } from '../../../shared/domain/template/types';
import { validateForPublish } from '../../../shared/domain/template/validate';
import { proposeVersion, versionProblem } from '../../../shared/domain/template/versioning';

function template(overrides: Partial<TemplateContent> = {}): TemplateContent {
  return {
    title: 'Curriculumdeskundigheid',
    kind: 'vakbekwaam-expert',
    specialisation: 'Specialist Curriculumontwikkeling',
    sectors: ['po', 'vo'],
    nlqfLevel: 6,
    description: 'Leraren ontwikkelen een schooleigen curriculum.',
    themes: [
      {
        id: 't1',
        title: 'Wat ontwikkelen',
        outcomes: [
          { id: 'a', code: 'LU 1.1', title: 'Kern en keuze', description: 'Brengt focus aan.' },
          { id: 'b', code: 'LU 1.2', title: 'Samenhang', description: 'Verbindt leerstof.' },
        ],
      },
      {
        id: 't2',
        title: 'Hoe ontwikkelen',
        outcomes: [{ id: 'c', code: 'LU 2.1', title: 'Team', description: 'Ontwikkelt samen.' }],
      },
    ],
    rubric: null,
    suggestions: '',
    sections: [{ id: 's1', heading: 'Doelgroep en aanleiding', guidance: 'Voor wie?' }],
    ...overrides,
  };
}

describe('validateForPublish', () => {
  it('accepts a complete template', () => {
    expect(validateForPublish(template())).toEqual([]);
  });

  it.each([
    ['no outcomes', { themes: [] }, 'themes'],
    ['no sector', { sectors: [] }, 'sectors'],
    ['no NLQF level', { nlqfLevel: null }, 'nlqfLevel'],
    ['NLQF level 9', { nlqfLevel: 9 }, 'nlqfLevel'],
    ['no title', { title: '  ' }, 'title'],
    ['no specialisation for an expert path', { specialisation: '' }, 'specialisation'],
    [
      'duplicate section headings',
      {
        sections: [
          { id: 's1', heading: 'Materialen', guidance: '' },
          { id: 's2', heading: 'materialen ', guidance: '' },
        ],
      },
      'sections.s2.heading',
    ],
  ] as const)('reports %s', (_name, overrides, path) => {
    const problems = validateForPublish(template(overrides as Partial<TemplateContent>));
    expect(problems.map((problem) => problem.path)).toContain(path);
    for (const problem of problems) expect(problem.message.length).toBeGreaterThan(5);
  });

  it('reports duplicate outcome codes, case-insensitively', () => {
    const content = template();
    content.themes[1]!.outcomes.push({ id: 'd', code: 'lu 1.1', title: 'Dubbel', description: '' });
    expect(validateForPublish(content)).toEqual([
      {
        path: 'outcomes.d.code',
        message: 'De code lu 1.1 komt meer dan eens voor; codes moeten uniek zijn.',
      },
    ]);
  });
});

describe('diffTemplates', () => {
  it('finds nothing between equal versions', () => {
    expect(diffTemplates(template(), template())).toEqual([]);
  });

  it('reports an added outcome', () => {
    const after = template();
    after.themes[1]!.outcomes.push({ id: 'd', code: 'LU 2.2', title: 'Proces', description: '' });
    expect(diffTemplates(template(), after)).toEqual([
      { kind: 'outcome-added', outcome: after.themes[1]!.outcomes[1] },
    ]);
  });

  it('reports a removed outcome by id', () => {
    const after = template();
    after.themes[0]!.outcomes.splice(1, 1);
    expect(diffTemplates(template(), after).map((change) => change.kind)).toEqual(['outcome-removed']);
  });

  it('reports which fields of an outcome changed', () => {
    const after = template();
    after.themes[0]!.outcomes[0] = { ...after.themes[0]!.outcomes[0]!, code: 'LU 1.0', title: 'Kern' };
    const [change] = diffTemplates(template(), after);
    expect(change).toMatchObject({ kind: 'outcome-changed', fields: ['code', 'title'] });
  });

  it('a renamed theme is a theme change, not a move of its outcomes', () => {
    const after = template();
    after.themes[0] = { ...after.themes[0]!, title: 'Wat we ontwikkelen' };
    expect(diffTemplates(template(), after)).toEqual([{ kind: 'field-changed', field: 'themes' }]);
  });

  it('reports reordered sections', () => {
    const before = template({
      sections: [
        { id: 's1', heading: 'Doelgroep', guidance: '' },
        { id: 's2', heading: 'Materialen', guidance: '' },
      ],
    });
    const after = template({ sections: [...before.sections].reverse() });
    expect(diffTemplates(before, after)).toEqual([{ kind: 'sections-reordered' }]);
  });

  it('reports a reorder within a theme and a move between themes', () => {
    const reordered = template();
    reordered.themes[0]!.outcomes.reverse();
    expect(diffTemplates(template(), reordered)).toEqual([
      { kind: 'outcomes-reordered', theme: 'Wat ontwikkelen' },
    ]);

    const moved = template();
    const [outcome] = moved.themes[0]!.outcomes.splice(0, 1);
    moved.themes[1]!.outcomes.push(outcome!);
    expect(diffTemplates(template(), moved)).toEqual([
      { kind: 'outcome-moved', outcome, fromTheme: 'Wat ontwikkelen', toTheme: 'Hoe ontwikkelen' },
    ]);
  });
});

describe('version numbering', () => {
  const v = (major: number, minor: number) => ({ major, minor });

  it.each([
    ['first publication', undefined, [], v(1, 0)],
    ['an added outcome', v(1, 0), [{ kind: 'outcome-added' }], v(1, 1)],
    ['a new code only', v(1, 1), [{ kind: 'outcome-changed', fields: ['code'] }], v(1, 2)],
    ['a removed outcome', v(1, 2), [{ kind: 'outcome-removed' }], v(2, 0)],
    ['a changed meaning', v(2, 0), [{ kind: 'outcome-changed', fields: ['description'] }], v(3, 0)],
  ] as const)('proposes the right number after %s', (_name, previous, changes, expected) => {
    expect(proposeVersion(previous, changes as never)).toEqual(expected);
  });

  it('refuses a minor version when an outcome was removed, and a lower number', () => {
    const removed = [{ kind: 'outcome-removed' }] as never;
    expect(versionProblem(v(1, 0), v(1, 1), removed)).toMatch(/hoofdversie/);
    expect(versionProblem(v(1, 0), v(2, 0), removed)).toBeNull();
    expect(versionProblem(v(1, 3), v(1, 2), [])).toMatch(/hoger/);
  });
});
