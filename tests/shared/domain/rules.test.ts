import { describe, expect, it } from 'vitest';
import type { TemplateContent } from '../../../shared/domain/template/types';
import {
  checkDesign,
  gatePasses,
  studyLoad,
  type RuleId,
  type RuleResult,
} from '../../../shared/domain/design/rules';
import type { ClosedRoundEvidence } from '../../../shared/domain/design/feedback';
import type { DesignContent } from '../../../shared/domain/design/types';
import { checkTraject } from '../../../shared/domain/traject/rules';

const template: TemplateContent = {
  title: 'Specialist Curriculumontwikkeling',
  kind: 'vakbekwaam-expert',
  specialisation: 'Specialist Curriculumontwikkeling',
  sectors: ['po', 'vo'],
  nlqfLevel: 7,
  description: '',
  themes: [
    {
      id: 't1',
      title: 'Wat ontwikkelen',
      outcomes: [
        { id: 'a', code: 'LU 1.1', title: 'Kern en keuze', description: '' },
        { id: 'b', code: 'LU 1.2', title: 'Samenhang', description: '' },
      ],
    },
    {
      id: 't2',
      title: 'Hoe ontwikkelen',
      outcomes: [{ id: 'c', code: 'LU 2.1', title: 'Team', description: '' }],
    },
  ],
  rubric: null,
  suggestions: '',
  sections: [],
};

/** A design that passes every rule; each case changes one thing. */
function design(overrides: Partial<DesignContent> = {}): DesignContent {
  return {
    title: 'Curriculumwerkplaats',
    sectors: ['vo'],
    nlqfLevel: 7,
    targetedOutcomeIds: ['a', 'b'],
    ects: 4,
    mode: 'formeel',
    placement: { type: 'verticaal', position: 1 },
    activities: [
      {
        id: 'x',
        title: 'Intervisie',
        kind: 'intervisie',
        mode: 'non-formeel',
        hours: 20,
        materialStatus: 'bestaand',
        provider: { type: 'team' },
      },
      {
        id: 'y',
        title: 'Masterclass',
        kind: 'workshop',
        mode: 'formeel',
        hours: 12,
        materialStatus: 'nieuw',
        provider: { type: 'derde', name: 'Hogeschool Noord' },
      },
    ],
    evidence: { a: 'Curriculumanalyse van de eigen school', b: 'Leerlijn met verantwoording' },
    evcApproach: 'Portfolio en criteriumgericht interview',
    trajectRelation: 'Eerste stap van het traject; legt de basis voor de leerlijnen.',
    ...overrides,
  };
}

function result(results: RuleResult[], ruleId: RuleId): RuleResult {
  const found = results.find((candidate) => candidate.ruleId === ruleId);
  if (!found) throw new Error(`no result for ${ruleId}`);
  return found;
}

/** A closed round with one submitted teacher, everything triaged: what R13 asks. */
const TRIAGED_TEACHER: ClosedRoundEvidence = { title: 'Ronde 1', perspectives: ['leraar'], untriaged: 0 };

const run = (overrides: Partial<DesignContent>, feedback: ClosedRoundEvidence[] | null = [TRIAGED_TEACHER]) =>
  checkDesign(design(overrides), template, { feedback });

describe('checkDesign (R3–R13)', () => {
  it('a complete design passes every rule, with a Dutch message and a target for each', () => {
    const results = run({});
    expect(results.map((r) => r.ruleId)).toEqual([
      'R3',
      'R4',
      'R5',
      'R6',
      'R7',
      'R8',
      'R9',
      'R10',
      'R11',
      'R12',
      'R13',
    ]);
    for (const r of results) {
      expect(r.status).toBe('pass');
      expect(r.message.length).toBeGreaterThan(5);
      expect(r.target.field).toBeTruthy();
    }
    expect(gatePasses(results, 'leaving-prototype')).toBe(true);
    expect(gatePasses(results, 'interne-toetsing')).toBe(true);
  });

  it.each<[string, RuleId, Partial<DesignContent>, RuleResult['status'], string | undefined]>([
    // R3 — formal: 3–5 ECTS inclusive; guideline, so amber.
    ['R3 exactly 3 ECTS', 'R3', { ects: 3 }, 'pass', undefined],
    ['R3 exactly 5 ECTS', 'R3', { ects: 5 }, 'pass', undefined],
    ['R3 2.5 ECTS', 'R3', { ects: 2.5 }, 'warn', 'ects'],
    ['R3 5.5 ECTS', 'R3', { ects: 5.5 }, 'warn', 'ects'],
    ['R3 no size', 'R3', { ects: null }, 'warn', 'ects'],
    ['R3 informal: rule does not apply', 'R3', { mode: 'informeel', ects: 12 }, 'pass', 'mode'],
    ['R3 non-formal: rule does not apply', 'R3', { mode: 'non-formeel', ects: 40 }, 'pass', 'mode'],
    // R3 — no mode yet: the size cannot be judged fine, whatever it is.
    ['R3 40 ECTS without a mode', 'R3', { mode: null, ects: 40 }, 'warn', 'mode'],
    ['R3 4 ECTS without a mode', 'R3', { mode: null, ects: 4 }, 'warn', 'mode'],
    ['R3 no size and no mode', 'R3', { mode: null, ects: null }, 'warn', 'mode'],
    // R4 — at least one outcome, each from the template version.
    ['R4 zero outcomes', 'R4', { targetedOutcomeIds: [] }, 'fail', 'outcomes'],
    ['R4 an outcome not in the version', 'R4', { targetedOutcomeIds: ['a', 'zz'] }, 'fail', 'outcomes'],
    // R5 — NLQF level equals the template's.
    ['R5 other level', 'R5', { nlqfLevel: 6 }, 'fail', 'nlqfLevel'],
    ['R5 no level', 'R5', { nlqfLevel: null }, 'fail', 'nlqfLevel'],
    // R6 — sectors ⊆ template sectors, at least one.
    ['R6 sector outside the template', 'R6', { sectors: ['vo', 'mbo'] }, 'fail', 'sectors'],
    ['R6 no sector', 'R6', { sectors: [] }, 'fail', 'sectors'],
    ['R6 all template sectors', 'R6', { sectors: ['po', 'vo'] }, 'pass', 'sectors'],
    // R7 — evidence for every targeted outcome.
    ['R7 evidence missing for one', 'R7', { evidence: { a: 'x', b: '  ' } }, 'fail', 'evidence'],
    ['R7 zero outcomes', 'R7', { targetedOutcomeIds: [] }, 'fail', 'evidence'],
    // R8 — vertical needs an order, horizontal a learning form.
    ['R8 no placement', 'R8', { placement: null }, 'fail', 'placement'],
    [
      'R8 vertical without position',
      'R8',
      { placement: { type: 'verticaal', position: null } },
      'fail',
      'placement',
    ],
    ['R8 vertical position 0', 'R8', { placement: { type: 'verticaal', position: 0 } }, 'fail', 'placement'],
    [
      'R8 horizontal without form',
      'R8',
      { placement: { type: 'horizontaal', learningForm: null } },
      'fail',
      'placement',
    ],
    [
      'R8 horizontal, team',
      'R8',
      { placement: { type: 'horizontaal', learningForm: 'team' } },
      'pass',
      'placement',
    ],
    // R9 — relation to the traject.
    ['R9 empty relation', 'R9', { trajectRelation: ' ' }, 'fail', 'trajectRelation'],
    // R10 — EVC (guideline).
    ['R10 no EVC approach', 'R10', { evcApproach: '' }, 'warn', 'evcApproach'],
    // R11 — material status (guideline).
    [
      'R11 an activity without material status',
      'R11',
      { activities: [{ ...design().activities[0]!, materialStatus: null }] },
      'warn',
      'activities',
    ],
    ['R11 no activities', 'R11', { activities: [] }, 'pass', 'activities'],
    // R12 — third parties named (guideline).
    [
      'R12 an unnamed third party',
      'R12',
      { activities: [{ ...design().activities[1]!, provider: { type: 'derde', name: ' ' } }] },
      'warn',
      'activities',
    ],
  ])('%s', (_name, ruleId, overrides, status, field) => {
    const r = result(run(overrides), ruleId);
    expect(r.status).toBe(status);
    if (field) expect(r.target.field).toBe(field);
  });

  it('R4 and R7 point at the offending item so the editor can jump there', () => {
    expect(result(run({ targetedOutcomeIds: ['a', 'zz'] }), 'R4').target).toEqual({
      field: 'outcomes',
      itemId: 'zz',
    });
    const r7 = result(run({ evidence: { a: 'x' } }), 'R7');
    expect(r7.target).toEqual({ field: 'evidence', itemId: 'b' });
    expect(r7.message).toContain('LU 1.2');
  });

  it('R13 is pending where rounds are not known, and gates only interne toetsing', () => {
    expect(result(run({}, null), 'R13').status).toBe('pending');
    const none = run({}, []);
    expect(result(none, 'R13').status).toBe('fail');
    expect(gatePasses(none, 'leaving-prototype')).toBe(true);
    expect(gatePasses(none, 'interne-toetsing')).toBe(false);
  });

  const round = (title: string, perspectives: ClosedRoundEvidence['perspectives'], untriaged = 0) => ({
    title,
    perspectives,
    untriaged,
  });
  it.each<[string, ClosedRoundEvidence[], RuleResult['status'], RegExp]>([
    ['no closed round', [], 'fail', /Nog nodig: een ingediende reactie van een leraar.*nog geen afgesloten/],
    [
      'a round closed without submissions',
      [round('Leeg', [])],
      'fail',
      /"Leeg" is afgesloten zonder ingediende/,
    ],
    [
      'only another co-creatieteam and "anders"',
      [round('Collega', ['cocreatieteam', 'anders'])],
      'fail',
      /Nog nodig.*"Collega" had alleen reacties van: ander co-creatieteam, anders \(die tellen als aanvulling\)/,
    ],
    [
      'a teacher, 3 items untriaged',
      [round('Juni', ['leraar'], 3)],
      'fail',
      /^3 feedbackpunten nog niet verwerkt in ronde "Juni"/,
    ],
    ['a school, 1 item untriaged', [round('Juni', ['school'], 1)], 'fail', /^1 feedbackpunt nog niet/],
    [
      'a teacher, all triaged',
      [round('Juni', ['leraar', 'leraar'])],
      'pass',
      /"Juni": feedback van leraar \(2\), elk/,
    ],
    ['a school, all triaged', [round('Juni', ['school'])], 'pass', /feedback van school/],
    ['a teacher educator, all triaged', [round('Juni', ['lerarenopleider'])], 'pass', /lerarenopleider/],
    [
      'a triaged teacher round counts beside an untriaged one',
      [round('Nieuw', ['leraar'], 2), round('Oud', ['leraar'])],
      'pass',
      /"Oud"/,
    ],
    [
      'another co-creatieteam counts as extra, mentioned',
      [round('Juni', ['leraar', 'cocreatieteam']), round('Mei', ['cocreatieteam'])],
      'pass',
      /Daarnaast feedback van 2 andere co-creatieteams \(aanvulling\)/,
    ],
  ])('R13 with %s', (_name, rounds, status, message) => {
    const r13 = result(run({}, rounds), 'R13');
    expect(r13).toMatchObject({
      kind: 'must',
      status,
      gate: 'interne-toetsing',
      target: { field: 'feedback' },
    });
    expect(r13.message).toMatch(message);
  });

  it('R13 for existing offer asks for feedback on the existing material', () => {
    const existing = checkDesign(design(), template, { feedback: [], origin: 'bestaand' });
    expect(result(existing, 'R13').message).toMatch(/op het bestaande materiaal/);
    expect(result(run({}, []), 'R13').message).not.toMatch(/bestaande materiaal/);
  });

  it('R3 names the hours with the norm it is given', () => {
    const results = checkDesign(design({ ects: 6 }), template, { feedback: [], hoursPerEcts: 25 });
    expect(result(results, 'R3').message).toContain('150 uur');
    expect(result(run({ ects: null }), 'R3').message).toContain('1 ECTS = 28 uur');
  });

  it('a failing must-rule blocks leaving prototype; a failing guideline does not', () => {
    expect(gatePasses(run({ nlqfLevel: 6 }), 'leaving-prototype')).toBe(false);
    expect(gatePasses(run({ evcApproach: '', ects: 9 }), 'leaving-prototype')).toBe(true);
  });
});

describe('checkTraject (R1, R2)', () => {
  const entry = (id: string, outcomes: string[]) => ({ id, title: id, targetedOutcomeIds: outcomes });

  it('R1 passes when overlapping arrangements together cover every outcome', () => {
    const [r1] = checkTraject([entry('x', ['a', 'b']), entry('y', ['b', 'c'])], template);
    expect(r1).toMatchObject({ ruleId: 'R1', kind: 'must', status: 'pass' });
  });

  it('R1 names the gaps', () => {
    const [r1] = checkTraject([entry('x', ['a'])], template);
    expect(r1).toMatchObject({ status: 'fail', target: { field: 'coverage', itemId: 'b' } });
    expect(r1!.message).toContain('LU 1.2, LU 2.1');
  });

  it('R1 fails for an empty traject and for a template without outcomes', () => {
    expect(checkTraject([], template)[0]!.status).toBe('fail');
    expect(checkTraject([entry('x', ['a'])], { ...template, themes: [] })[0]!.status).toBe('fail');
  });

  it.each([
    [5, 'info'],
    [6, 'pass'],
    [10, 'pass'],
    [11, 'warn'],
  ] as const)('R2 with %i arrangements: %s', (count, status) => {
    const entries = Array.from({ length: count }, (_, i) => entry(`e${i}`, ['a', 'b', 'c']));
    expect(checkTraject(entries, template)[1]).toMatchObject({ ruleId: 'R2', kind: 'guideline', status });
  });
});

describe('studyLoad', () => {
  it('with another norm, the stated hours follow it', () => {
    expect(studyLoad(design(), 25).statedHours).toBe(100);
  });

  it('sums hours per kind and per mode and compares with the stated ECTS (default 1 EC = 28 h)', () => {
    expect(studyLoad(design())).toEqual({
      byKind: { intervisie: 20, workshop: 12 },
      byMode: { 'non-formeel': 20, formeel: 12 },
      totalHours: 32,
      statedHours: 112,
      differenceHours: -80,
    });
  });
});
