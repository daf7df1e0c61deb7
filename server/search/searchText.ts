import type { DesignContent } from '../../shared/domain/design/types';
import type { TemplateContent } from '../../shared/domain/template/types';
import type { VersionProjection } from '../../shared/domain/versions/projection';

/**
 * The text a search entry holds. Longer bodies are cut: PostgreSQL refuses a tsvector over 1 MB,
 * and a match beyond the first 200,000 characters of one document is not worth an index that size.
 */
export const MAX_SEARCH_BODY_CHARS = 200_000;

/** What one entry is searched by: its title and its text as paragraphs. */
export interface SearchText {
  title: string;
  body: string;
}

/** Control characters mark highlights in snippets; the indexed text never holds any. */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

function joined(parts: Array<string | null | undefined>): string {
  return parts
    .map((part) => (part ?? '').replace(CONTROL, ' ').trim())
    .filter(Boolean)
    .join('\n')
    .slice(0, MAX_SEARCH_BODY_CHARS);
}

/** The written parts of a leerarrangement: activities, evidence, EVC and relation to the traject. */
export function designParts(design: DesignContent): string[] {
  return [
    ...design.activities.flatMap((activity) => [
      activity.title,
      activity.provider.type === 'derde' ? activity.provider.name : '',
    ]),
    ...Object.values(design.evidence),
    design.evcApproach,
    design.trajectRelation,
  ];
}

/** The written parts of an ontwikkelpad: description, themes and outcomes, suggestions, sections. */
export function templateParts(content: Omit<TemplateContent, 'rich'>): string[] {
  return [
    content.specialisation,
    content.description,
    ...content.themes.flatMap((theme) => [
      theme.title,
      ...theme.outcomes.flatMap((outcome) => [`${outcome.code} ${outcome.title}`, outcome.description]),
    ]),
    content.suggestions,
    ...content.sections.flatMap((section) => [section.heading, section.guidance]),
  ];
}

/** Title and body of a document's projection (the current state of a team's document). */
export function projectionText(projection: VersionProjection): SearchText {
  const sections = projection.sections.flatMap((section) => [section.heading, section.text]);
  const specific =
    projection.kind === 'leerarrangement'
      ? designParts(projection.design)
      : projection.kind === 'ontwikkelpad'
        ? templateParts(projection.content)
        : [];
  return { title: joined([projection.title]), body: joined([...sections, ...specific]) };
}

/** Title and body of a published ontwikkelpad version. */
export function templateText(content: TemplateContent): SearchText {
  return { title: joined([content.title]), body: joined(templateParts(content)) };
}
