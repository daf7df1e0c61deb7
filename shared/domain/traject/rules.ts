import { allOutcomes, type TemplateContent } from '../template/types';
import type { RuleResult } from '../design/rules';
import { checkAgreements, type ProvidedItem } from './agreements';
import { checkPlacement, type PlacedItem } from './placement';

/** A leerarrangement as a traject sees it. */
export interface TrajectEntry extends PlacedItem, ProvidedItem {
  id: string;
  title: string;
  targetedOutcomeIds: string[];
}

/** The traject itself, for the rules between its items and their providers. */
export interface TrajectContext {
  teamId: string;
  /** Items whose provider's agreement the traject's owner recorded. */
  agreedIds: ReadonlySet<string>;
}

/**
 * R1 (coverage), R2 (count) and R8 (placement) for a professionaliseringstraject; with its context
 * also R9 (agreements with other providers).
 */
export function checkTraject(
  entries: readonly TrajectEntry[],
  template: TemplateContent,
  context?: TrajectContext,
): RuleResult[] {
  const covered = new Set(entries.flatMap((entry) => entry.targetedOutcomeIds));
  const gaps = allOutcomes(template).filter((outcome) => !covered.has(outcome.id));
  const r1: RuleResult = {
    ruleId: 'R1',
    kind: 'must',
    status: gaps.length === 0 && allOutcomes(template).length > 0 ? 'pass' : 'fail',
    message:
      gaps.length === 0
        ? 'Samen dekken de leerarrangementen elke leeruitkomst van het ontwikkelpad.'
        : `Nog niet gedekt: ${gaps.map((outcome) => outcome.code || outcome.title).join(', ')}.`,
    target: { field: 'coverage', ...(gaps[0] ? { itemId: gaps[0].id } : {}) },
    gate: 'publishing-traject',
  };
  const count = entries.length;
  const r2: RuleResult = {
    ruleId: 'R2',
    kind: 'guideline',
    status: count > 10 ? 'warn' : count < 6 ? 'info' : 'pass',
    message:
      count > 10
        ? `${count} leerarrangementen: de richtlijn is hoogstens 6–10.`
        : count < 6
          ? `${count} leerarrangement(en): minder dan 6 mag; de richtlijn is 6–10.`
          : `${count} leerarrangementen past binnen de richtlijn van 6–10.`,
    target: { field: 'arrangements' },
  };
  return [
    r1,
    r2,
    ...checkPlacement(entries),
    ...(context ? [checkAgreements(entries, context.teamId, context.agreedIds)] : []),
  ];
}
