import { diffTemplates } from './diff';
import { allOutcomes, type Leeruitkomst, type TemplateContent } from './types';

/** What moving a design from one template version to another means for its outcomes. */
export interface UpgradePlan {
  /** Targeted outcome ids that exist in the new version (kept as they are, matched by id). */
  kept: string[];
  /** Targeted outcomes that the new version no longer has: the design must drop or replace them. */
  removed: Leeruitkomst[];
  /** Targeted outcomes whose title or description changed: worth re-reading. */
  changed: Array<{ before: Leeruitkomst; after: Leeruitkomst }>;
  /** Outcomes new in this version (a traject must cover them too). */
  added: Leeruitkomst[];
}

/**
 * Maps a design's targeted outcomes (by id) from `from` to `to`. Without `targeted`, every outcome
 * of `from` counts as targeted.
 */
export function planUpgrade(
  from: TemplateContent,
  to: TemplateContent,
  targeted: readonly string[] = allOutcomes(from).map((outcome) => outcome.id),
): UpgradePlan {
  const target = new Set(targeted);
  const next = new Map(allOutcomes(to).map((outcome) => [outcome.id, outcome]));
  const previous = new Map(allOutcomes(from).map((outcome) => [outcome.id, outcome]));
  const changes = diffTemplates(from, to);
  return {
    kept: [...target].filter((id) => next.has(id)),
    removed: [...target].filter((id) => !next.has(id)).flatMap((id) => previous.get(id) ?? []),
    changed: changes.flatMap((change) =>
      change.kind === 'outcome-changed' &&
      target.has(change.before.id) &&
      change.fields.some((field) => field === 'title' || field === 'description')
        ? [{ before: change.before, after: change.after }]
        : [],
    ),
    added: changes.flatMap((change) => (change.kind === 'outcome-added' ? [change.outcome] : [])),
  };
}

/** How an outcome the pinned version no longer has is named: as the version it came from named it. */
export interface EarlierOutcome {
  code: string;
  title: string;
}

/** "LU 1.2 Mediawijsheid": code and title, either alone when the other is empty. */
export function outcomeLabel(outcome: EarlierOutcome): string {
  return [outcome.code, outcome.title].filter(Boolean).join(' ');
}

/** Labels (see outcomeLabel) by id, as rule messages take them. */
export function outcomeLabels(earlier: Record<string, EarlierOutcome>): Record<string, string> {
  return Object.fromEntries(Object.entries(earlier).map(([id, outcome]) => [id, outcomeLabel(outcome)]));
}
