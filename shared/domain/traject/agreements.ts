import type { RuleResult } from '../design/rules';

/** An item with the team that provides it. */
export interface ProvidedItem {
  id: string;
  title: string;
  teamId?: string | null | undefined;
  teamName?: string | null | undefined;
}

/**
 * R9 for a traject (001 l.283): a leerarrangement of another provider inside this traject needs an
 * agreement with that provider, which the traject's owner records per item. Approval (the
 * publishing-traject gate) waits until every such agreement is recorded.
 */
export function checkAgreements(
  items: readonly ProvidedItem[],
  trajectTeamId: string,
  agreedIds: ReadonlySet<string>,
): RuleResult {
  const foreign = items.filter((item) => item.teamId && item.teamId !== trajectTeamId);
  const missing = foreign.filter((item) => !agreedIds.has(item.id));
  const label = (item: ProvidedItem) =>
    `„${item.title || 'naamloos leerarrangement'}” (${item.teamName || 'ander team'})`;
  const base = { ruleId: 'R9', kind: 'must', gate: 'publishing-traject' } as const;
  if (missing.length > 0) {
    return {
      ...base,
      status: 'fail',
      message: `Leg de afspraak met de aanbieder vast voor ${missing.map(label).join(', ')}.`,
      target: { field: 'agreements', itemId: missing[0]!.id },
    };
  }
  return {
    ...base,
    status: 'pass',
    message:
      foreign.length === 0
        ? 'Alle leerarrangementen zijn van het eigen team: er zijn geen afspraken met andere aanbieders nodig.'
        : `De afspraken met de aanbieders zijn vastgelegd: ${foreign.map(label).join(', ')}.`,
    target: { field: 'agreements' },
  };
}
