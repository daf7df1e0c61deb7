import { describe, expect, it } from 'vitest';
import type { RuleResult } from '../../../shared/domain/design/rules';
import {
  allowedTransitions,
  checkTrajectTransition,
  checkTransition,
  DESIGN_STATUSES,
  designMover,
  transitionNeeds,
  isReadOnlyStatus,
  STATUS_LABELS_NL,
  type DesignStatus,
  type TransitionInput,
} from '../../../shared/domain/lifecycle';

/** The transition table and its gates (DOMAIN.md, lifecycle), pure. */

const rule = (
  ruleId: RuleResult['ruleId'],
  status: RuleResult['status'],
  gate: RuleResult['gate'],
): RuleResult => ({
  ruleId,
  kind: 'must',
  status,
  message: '',
  target: { field: 'x' },
  gate,
});

/** Must-rules green, R13 still pending (no feedback rounds yet). */
const green = [rule('R4', 'pass', 'leaving-prototype'), rule('R13', 'pending', 'interne-toetsing')];
/** R4 and R7 red. */
const red = [
  rule('R4', 'fail', 'leaving-prototype'),
  rule('R7', 'fail', 'leaving-prototype'),
  rule('R13', 'pending', 'interne-toetsing'),
];
/** What it will look like once feedback rounds exist. */
const withRound = [rule('R4', 'pass', 'leaving-prototype'), rule('R13', 'pass', 'interne-toetsing')];

const EXPECTED_TABLE: Record<DesignStatus, DesignStatus[]> = {
  'globaal-ontwerp': ['prototype'],
  prototype: ['interne-toetsing'],
  'interne-toetsing': ['aangemeld-externe-toetsing', 'prototype', 'geparkeerd'],
  geparkeerd: ['prototype'],
  'aangemeld-externe-toetsing': ['goedgekeurd', 'afgekeurd', 'interne-toetsing'],
  goedgekeurd: [],
  afgekeurd: ['prototype'],
};

describe('allowedTransitions', () => {
  it.each(DESIGN_STATUSES)('%s has the expected next steps and a Dutch label', (status) => {
    expect([...allowedTransitions(status)].sort()).toEqual([...EXPECTED_TABLE[status]].sort());
    expect(STATUS_LABELS_NL[status]).toMatch(/^[A-Z]/);
  });

  it('parking, external review and approval freeze the content', () => {
    expect(DESIGN_STATUSES.filter(isReadOnlyStatus)).toEqual([
      'geparkeerd',
      'aangemeld-externe-toetsing',
      'goedgekeurd',
    ]);
  });
});

type Case = [DesignStatus, DesignStatus, TransitionInput, true | RegExp];

const cases: Case[] = [
  ['globaal-ontwerp', 'prototype', { results: red }, true],
  ['prototype', 'interne-toetsing', { results: red }, /niet alle verplichte regels.*R4, R7/],
  ['prototype', 'interne-toetsing', { results: green }, /nog geen feedbackronde die aan R13 voldoet/],
  ['prototype', 'interne-toetsing', { results: withRound }, true],
  ['interne-toetsing', 'aangemeld-externe-toetsing', { results: withRound, outcome: 'voldoet' }, true],
  ['interne-toetsing', 'aangemeld-externe-toetsing', { results: withRound }, /uitkomst "Voldoet"/],
  [
    'interne-toetsing',
    'aangemeld-externe-toetsing',
    { results: withRound, outcome: 'opwerken' },
    /"Voldoet"/,
  ],
  // Existing offer that entered at interne toetsing still needs its feedback (R13) to be submitted.
  [
    'interne-toetsing',
    'aangemeld-externe-toetsing',
    { results: green, outcome: 'voldoet' },
    /Aanmelden voor externe toetsing kan nog niet: nog geen feedbackronde die aan R13 voldoet/,
  ],
  [
    'interne-toetsing',
    'aangemeld-externe-toetsing',
    { results: withRound, outcome: 'voldoet', note: 'Namens het consortium: akkoord.' },
    true,
  ],
  ['interne-toetsing', 'prototype', { results: green, outcome: 'opwerken' }, true],
  ['interne-toetsing', 'prototype', { results: green, outcome: 'voldoet' }, /"Opwerken"/],
  ['interne-toetsing', 'prototype', { results: green, outcome: 'opwerken', note: 'Bewijs aanvullen.' }, true],
  ['interne-toetsing', 'geparkeerd', { results: green, outcome: 'past-niet', note: 'Te breed.' }, true],
  ['interne-toetsing', 'geparkeerd', { results: green, outcome: 'past-niet', note: '  ' }, /Licht toe/],
  ['interne-toetsing', 'geparkeerd', { results: green, note: 'Te breed.' }, /"Past niet/],
  ['interne-toetsing', 'interne-toetsing', { results: green, outcome: 'past-niet', note: 'x' }, /niet naar/],
  ['geparkeerd', 'prototype', { results: red }, true],
  ['geparkeerd', 'interne-toetsing', { results: withRound }, /niet naar/],
  // Withdrawing needs nothing: the feedback that let it in is still there.
  ['aangemeld-externe-toetsing', 'interne-toetsing', { results: green }, true],
  ['aangemeld-externe-toetsing', 'goedgekeurd', { results: red }, true],
  ['aangemeld-externe-toetsing', 'goedgekeurd', { results: green, outcome: 'voldoet' }, /Een uitkomst hoort/],
  ['aangemeld-externe-toetsing', 'afgekeurd', { results: green, note: 'Bewijzen te dun.' }, true],
  ['aangemeld-externe-toetsing', 'afgekeurd', { results: green }, /toelichting van de beoordelaar/],
  ['afgekeurd', 'prototype', { results: red }, true],
  ['globaal-ontwerp', 'goedgekeurd', { results: green }, /kan een ontwerp niet naar "Goedgekeurd"/],
  ['prototype', 'globaal-ontwerp', { results: green }, /niet naar/],
  ['goedgekeurd', 'prototype', { results: green }, /niet naar/],
  ['afgekeurd', 'aangemeld-externe-toetsing', { results: green }, /niet naar/],
];

describe('checkTransition', () => {
  it.each(cases)('%s → %s (%j): %s', (from, to, input, expected) => {
    const check = checkTransition(from, to, input);
    if (expected === true) expect(check).toEqual({ ok: true });
    else {
      expect(check.ok).toBe(false);
      expect(check.ok ? '' : check.reason).toMatch(expected);
    }
  });

  it('every pair outside the table is refused', () => {
    for (const from of DESIGN_STATUSES)
      for (const to of DESIGN_STATUSES) {
        if (EXPECTED_TABLE[from].includes(to)) continue;
        expect(checkTransition(from, to, { results: withRound }).ok, `${from} → ${to}`).toBe(false);
      }
  });
});

describe('transitionNeeds and designMover', () => {
  const table: Array<[DesignStatus, DesignStatus, string | null, boolean, 'team-owner' | 'review-team']> = [
    ['globaal-ontwerp', 'prototype', null, false, 'team-owner'],
    ['prototype', 'interne-toetsing', null, false, 'team-owner'],
    ['interne-toetsing', 'aangemeld-externe-toetsing', 'voldoet', false, 'team-owner'],
    ['interne-toetsing', 'prototype', 'opwerken', false, 'team-owner'],
    ['interne-toetsing', 'geparkeerd', 'past-niet', true, 'team-owner'],
    ['geparkeerd', 'prototype', null, false, 'team-owner'],
    ['aangemeld-externe-toetsing', 'interne-toetsing', null, false, 'team-owner'],
    ['aangemeld-externe-toetsing', 'goedgekeurd', null, false, 'review-team'],
    ['aangemeld-externe-toetsing', 'afgekeurd', null, true, 'review-team'],
    ['afgekeurd', 'prototype', null, false, 'team-owner'],
  ];

  it('covers every move of the table', () => {
    const moves = DESIGN_STATUSES.flatMap((from) => allowedTransitions(from).map((to) => `${from}>${to}`));
    expect(table.map(([from, to]) => `${from}>${to}`).sort()).toEqual(moves.sort());
  });

  it.each(table)('%s → %s records %s, note required %s, made by %s', (from, to, outcome, note, mover) => {
    expect(transitionNeeds(from, to)).toEqual({ outcome, note });
    expect(designMover(from, to)).toBe(mover);
  });
});

describe('trajecten on the same table', () => {
  const item = { title: 'A', results: withRound, published: true };
  it.each([
    ['interne-toetsing', 'geparkeerd', { outcome: 'past-niet', note: 'Past niet.' }, true],
    ['geparkeerd', 'prototype', {}, true],
    ['aangemeld-externe-toetsing', 'interne-toetsing', {}, true],
    ['aangemeld-externe-toetsing', 'goedgekeurd', {}, true],
  ] as const)('%s → %s: %s', (from, to, extra, ok) => {
    const check = checkTrajectTransition(from, to, { items: [item], trajectResults: [], ...extra });
    expect(check.ok).toBe(ok);
  });
});
