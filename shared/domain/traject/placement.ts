import type { RuleResult } from '../design/rules';
import type { Placement } from '../design/types';
import { trajectSteps, type StepItem } from './steps';

/** An item with the placement its design declares (R8 of the design). */
export interface PlacedItem extends StepItem {
  title: string;
  placement?: Placement | null | undefined;
}

const name = (item: PlacedItem) => `„${item.title || 'naamloos leerarrangement'}”`;

function problem(message: string, itemId: string): RuleResult {
  return {
    ruleId: 'R8',
    kind: 'must',
    status: 'fail',
    message,
    target: { field: 'arrangements', itemId },
    gate: 'publishing-traject',
  };
}

/**
 * R8 between design and traject (001 l.324, 343, 351–352): a vertical leerarrangement is a step of
 * its own, in the order of the step numbers the designs declare, each number once; a horizontal one
 * is one of a group of alternatives the teacher chooses from. Compares each design's own placement
 * with where the traject puts it; one result per problem, or one pass.
 */
export function checkPlacement(items: readonly PlacedItem[]): RuleResult[] {
  const results: RuleResult[] = [];
  const vertical: Array<{ item: PlacedItem; position: number }> = [];
  for (const step of trajectSteps(items)) {
    if (step.kind === 'single') {
      const { item } = step;
      if (item.placement?.type === 'horizontaal') {
        results.push(
          problem(
            `${name(item)} is horizontaal (een keuze in leervorm), maar staat als vaste stap ${step.number}. Zet het in een groep alternatieven.`,
            item.id,
          ),
        );
      } else if (item.placement?.type === 'verticaal' && item.placement.position !== null) {
        vertical.push({ item, position: item.placement.position });
      }
      continue;
    }
    for (const item of step.items) {
      if (item.placement?.type !== 'verticaal') continue;
      const position = item.placement.position === null ? '' : ` (stap ${item.placement.position})`;
      results.push(
        problem(
          `${name(item)} is verticaal${position}, maar staat in de groep alternatieven „${step.label}”. Geef het een eigen stap.`,
          item.id,
        ),
      );
    }
    if (step.items.length === 1) {
      results.push({
        ruleId: 'R8',
        kind: 'guideline',
        status: 'warn',
        message: `De groep „${step.label}” heeft één leerarrangement: er valt nog niets te kiezen.`,
        target: { field: 'arrangements', itemId: step.items[0]!.id },
      });
    }
  }
  const byPosition = new Map<number, PlacedItem[]>();
  for (const { item, position } of vertical)
    byPosition.set(position, [...(byPosition.get(position) ?? []), item]);
  for (const [position, same] of byPosition) {
    if (same.length < 2) continue;
    results.push(
      problem(`Stap ${position} komt ${same.length} keer voor: ${same.map(name).join(' en ')}.`, same[1]!.id),
    );
  }
  vertical.forEach(({ item, position }, index) => {
    const before = vertical[index - 1];
    if (!before || before.position <= position) return;
    results.push(
      problem(
        `${name(item)} (stap ${position}) staat na ${name(before.item)} (stap ${before.position}). Zet de verticale leerarrangementen in hun volgorde.`,
        item.id,
      ),
    );
  });
  if (results.length > 0) return results;
  return [
    {
      ruleId: 'R8',
      kind: 'must',
      status: 'pass',
      message: 'De plaats klopt: verticale leerarrangementen in hun volgorde, horizontale als alternatieven.',
      target: { field: 'arrangements' },
      gate: 'publishing-traject',
    },
  ];
}
