import { describe, expect, it } from 'vitest';
import type { RuleResult } from '../../../shared/domain/design/rules';
import {
  allowedTransitions,
  checkTransition,
  DESIGN_STATUSES,
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
  'interne-toetsing': ['aangemeld-externe-toetsing', 'prototype', 'interne-toetsing'],
  'aangemeld-externe-toetsing': ['goedgekeurd', 'afgekeurd'],
  goedgekeurd: [],
  afgekeurd: ['prototype'],
};

describe('allowedTransitions', () => {
  it.each(DESIGN_STATUSES)('%s has the expected next steps and a Dutch label', (status) => {
    expect([...allowedTransitions(status)].sort()).toEqual([...EXPECTED_TABLE[status]].sort());
    expect(STATUS_LABELS_NL[status]).toMatch(/^[A-Z]/);
  });

  it('only external review and approval freeze the content', () => {
    expect(DESIGN_STATUSES.filter(isReadOnlyStatus)).toEqual(['aangemeld-externe-toetsing', 'goedgekeurd']);
  });
});

type Case = [DesignStatus, DesignStatus, TransitionInput, true | RegExp];

const cases: Case[] = [
  ['globaal-ontwerp', 'prototype', { results: red }, true],
  ['prototype', 'interne-toetsing', { results: red }, /niet alle verplichte regels.*R4, R7/],
  ['prototype', 'interne-toetsing', { results: green }, /geen afgeronde feedbackronde/],
  ['prototype', 'interne-toetsing', { results: withRound }, true],
  ['interne-toetsing', 'aangemeld-externe-toetsing', { results: green, outcome: 'voldoet' }, true],
  ['interne-toetsing', 'aangemeld-externe-toetsing', { results: green }, /uitkomst "Voldoet"/],
  ['interne-toetsing', 'aangemeld-externe-toetsing', { results: green, outcome: 'opwerken' }, /"Voldoet"/],
  ['interne-toetsing', 'prototype', { results: green, outcome: 'opwerken' }, true],
  ['interne-toetsing', 'prototype', { results: green, outcome: 'voldoet' }, /"Opwerken"/],
  ['interne-toetsing', 'interne-toetsing', { results: green, outcome: 'past-niet', note: 'Te breed.' }, true],
  ['interne-toetsing', 'interne-toetsing', { results: green, outcome: 'past-niet', note: '  ' }, /Licht toe/],
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
