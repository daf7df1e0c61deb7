import type { DesignContent, RuleResult } from './types';

const ECTS_MIN = 3;
const ECTS_MAX = 5;

function r3(ok: boolean, message: string, field: 'mode' | 'ects'): RuleResult {
  return { ruleId: 'R3', kind: 'guideline', status: ok ? 'pass' : 'warn', message, target: { field } };
}

/**
 * R3 — the size guideline of 001 l.344 ("formele leerarrangementen ... 3-5 ECTS"). The seeds give
 * no size for non-formal or informal arrangements, so the range binds formal ones only; while the
 * mode is unset the rule cannot be met (a 40 ECTS design without a mode is not "fine"). A
 * guideline: amber, never blocking.
 */
export function checkSize(design: DesignContent, hoursPerEcts: number): RuleResult {
  const ects = design.ects;
  const range = `${ECTS_MIN}–${ECTS_MAX} ECTS`;
  const inRange = ects !== null && ects >= ECTS_MIN && ects <= ECTS_MAX;
  if (design.mode === null) {
    const size = ects === null || inRange ? '' : ` Dit is ${ects} ECTS.`;
    return r3(false, `Kies de vorm: een formeel leerarrangement is ${range}.${size}`, 'mode');
  }
  if (design.mode !== 'formeel') {
    return r3(true, `De omvangsrichtlijn ${range} geldt alleen voor formele leerarrangementen.`, 'mode');
  }
  if (ects === null) {
    return r3(false, `Vul de omvang in ECTS in (formeel: ${range}, 1 ECTS = ${hoursPerEcts} uur).`, 'ects');
  }
  return inRange
    ? r3(true, `Omvang ${ects} ECTS past binnen ${range}.`, 'ects')
    : r3(
        false,
        `Een formeel leerarrangement is ${range}; dit is ${ects} ECTS (${Math.round(ects * hoursPerEcts)} uur).`,
        'ects',
      );
}
