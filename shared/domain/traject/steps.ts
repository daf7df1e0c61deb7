/** An item as the traject orders it: its place in the list and its group of alternatives, if any. */
export interface StepItem {
  id: string;
  /** Items sharing a label are horizontal alternatives: a teacher follows one of them. */
  alternativeGroup?: string | null | undefined;
}

/** One step of a traject: a single leerarrangement, or a group of alternatives. */
export type TrajectStep<T extends StepItem> =
  { kind: 'single'; number: number; item: T } | { kind: 'group'; number: number; label: string; items: T[] };

/**
 * The traject's steps in order: every item without a group is a step of its own; the items of one
 * group (wherever they stand in the list) form one step, at the place of the first of them.
 */
export function trajectSteps<T extends StepItem>(items: readonly T[]): Array<TrajectStep<T>> {
  const steps: Array<TrajectStep<T>> = [];
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const label = item.alternativeGroup?.trim();
    if (!label) {
      steps.push({ kind: 'single', number: steps.length + 1, item });
      continue;
    }
    const group = groups.get(label);
    if (group) {
      group.push(item);
      continue;
    }
    const members = [item];
    groups.set(label, members);
    steps.push({ kind: 'group', number: steps.length + 1, label, items: members });
  }
  return steps;
}
