import { allOutcomes, type Leeruitkomst, type TemplateContent, type TemplateSection } from './types';

/** One change between two versions of an ontwikkelpad. */
export type TemplateChange =
  | { kind: 'outcome-added'; outcome: Leeruitkomst }
  | { kind: 'outcome-removed'; outcome: Leeruitkomst }
  | {
      kind: 'outcome-changed';
      before: Leeruitkomst;
      after: Leeruitkomst;
      fields: Array<'code' | 'title' | 'description'>;
    }
  | { kind: 'outcome-moved'; outcome: Leeruitkomst; fromTheme: string; toTheme: string }
  | { kind: 'outcomes-reordered'; theme: string }
  | { kind: 'section-added'; section: TemplateSection }
  | { kind: 'section-removed'; section: TemplateSection }
  | { kind: 'section-changed'; before: TemplateSection; after: TemplateSection }
  | { kind: 'sections-reordered' }
  | { kind: 'rubric-changed' }
  | {
      kind: 'field-changed';
      field:
        | 'title'
        | 'kind'
        | 'specialisation'
        | 'sectors'
        | 'nlqfLevel'
        | 'description'
        | 'suggestions'
        | 'themes';
    };

/** Outcome id → its theme (matched by theme id, so renaming a theme moves nothing). */
function themeOf(content: TemplateContent): Map<string, { id: string; title: string }> {
  const map = new Map<string, { id: string; title: string }>();
  for (const theme of content.themes) for (const outcome of theme.outcomes) map.set(outcome.id, theme);
  return map;
}

/** JSON with object keys sorted, so equal structures compare equal whatever order their keys came in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/**
 * Whether a rich-text field differs: by its structure when both sides have one (a change of
 * formatting only is a change), else by its plain text.
 */
function richFieldChanged(
  before: TemplateContent,
  after: TemplateContent,
  field: 'description' | 'suggestions',
) {
  if (before[field] !== after[field]) return true;
  const [from, to] = [before.rich?.[field], after.rich?.[field]];
  return from !== undefined && to !== undefined && canonical(from) !== canonical(to);
}

/** The changes from `before` to `after`, outcomes matched by their stable id. */
export function diffTemplates(before: TemplateContent, after: TemplateContent): TemplateChange[] {
  const changes: TemplateChange[] = [];
  const fields = ['title', 'kind', 'specialisation', 'nlqfLevel'] as const;
  for (const field of fields)
    if (before[field] !== after[field]) changes.push({ kind: 'field-changed', field });
  for (const field of ['description', 'suggestions'] as const)
    if (richFieldChanged(before, after, field)) changes.push({ kind: 'field-changed', field });
  if ([...before.sectors].sort().join() !== [...after.sectors].sort().join()) {
    changes.push({ kind: 'field-changed', field: 'sectors' });
  }
  if (
    before.themes.map((theme) => `${theme.id}:${theme.title}`).join('|') !==
    after.themes.map((theme) => `${theme.id}:${theme.title}`).join('|')
  ) {
    changes.push({ kind: 'field-changed', field: 'themes' });
  }

  const beforeOutcomes = new Map(allOutcomes(before).map((outcome) => [outcome.id, outcome]));
  const afterOutcomes = new Map(allOutcomes(after).map((outcome) => [outcome.id, outcome]));
  const beforeTheme = themeOf(before);
  const afterTheme = themeOf(after);
  for (const [id, outcome] of afterOutcomes) {
    const old = beforeOutcomes.get(id);
    if (!old) {
      changes.push({ kind: 'outcome-added', outcome });
      continue;
    }
    const changed = (['code', 'title', 'description'] as const).filter(
      (field) => old[field] !== outcome[field],
    );
    if (changed.length > 0)
      changes.push({ kind: 'outcome-changed', before: old, after: outcome, fields: changed });
    const from = beforeTheme.get(id);
    const to = afterTheme.get(id);
    if (from?.id !== to?.id) {
      changes.push({
        kind: 'outcome-moved',
        outcome,
        fromTheme: from?.title ?? '',
        toTheme: to?.title ?? '',
      });
    }
  }
  for (const [id, outcome] of beforeOutcomes) {
    if (!afterOutcomes.has(id)) changes.push({ kind: 'outcome-removed', outcome });
  }
  // Order within a theme, ignoring added/removed/moved outcomes.
  for (const theme of after.themes) {
    const old = before.themes.find((candidate) => candidate.id === theme.id);
    if (!old) continue;
    const kept = new Set(old.outcomes.map((outcome) => outcome.id));
    const afterOrder = theme.outcomes.map((outcome) => outcome.id).filter((id) => kept.has(id));
    const stay = new Set(afterOrder);
    const beforeOrder = old.outcomes.map((outcome) => outcome.id).filter((id) => stay.has(id));
    if (afterOrder.join() !== beforeOrder.join())
      changes.push({ kind: 'outcomes-reordered', theme: theme.title });
  }

  const beforeSections = new Map(before.sections.map((section) => [section.id, section]));
  const afterSections = new Map(after.sections.map((section) => [section.id, section]));
  for (const [id, section] of afterSections) {
    const old = beforeSections.get(id);
    if (!old) changes.push({ kind: 'section-added', section });
    else if (old.heading !== section.heading || old.guidance !== section.guidance) {
      changes.push({ kind: 'section-changed', before: old, after: section });
    }
  }
  for (const [id, section] of beforeSections)
    if (!afterSections.has(id)) changes.push({ kind: 'section-removed', section });
  const keptOrder = (sections: TemplateSection[], other: Map<string, TemplateSection>) =>
    sections
      .filter((section) => other.has(section.id))
      .map((section) => section.id)
      .join();
  if (keptOrder(before.sections, afterSections) !== keptOrder(after.sections, beforeSections)) {
    changes.push({ kind: 'sections-reordered' });
  }

  if (JSON.stringify(before.rubric) !== JSON.stringify(after.rubric))
    changes.push({ kind: 'rubric-changed' });
  return changes;
}
