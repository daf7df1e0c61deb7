import { trajectSteps, type StepItem } from './steps';

/** A study load that depends on the path a teacher takes through the alternatives. */
export interface LoadRange {
  min: number;
  max: number;
}

/** An item's study load; ECTS not yet stated counts as 0. */
export interface LoadItem extends StepItem {
  ects: number | null;
  hours: number;
}

/**
 * The traject's study load over its steps: a single leerarrangement counts once, a group of
 * horizontal alternatives counts as the lightest to the heaviest of them (a teacher follows one),
 * never as their sum.
 */
export function trajectLoad(items: readonly LoadItem[]): { ects: LoadRange; hours: LoadRange } {
  const ects: LoadRange = { min: 0, max: 0 };
  const hours: LoadRange = { min: 0, max: 0 };
  for (const step of trajectSteps(items)) {
    const members = step.kind === 'single' ? [step.item] : step.items;
    const stepEcts = members.map((item) => item.ects ?? 0);
    const stepHours = members.map((item) => item.hours);
    ects.min += Math.min(...stepEcts);
    ects.max += Math.max(...stepEcts);
    hours.min += Math.min(...stepHours);
    hours.max += Math.max(...stepHours);
  }
  return { ects, hours };
}
