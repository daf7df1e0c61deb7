import * as Y from 'yjs';
import {
  DEFAULT_TEMPLATE_SECTIONS,
  TEMPLATE_KINDS,
  SECTORS,
  type TemplateContent,
  type TemplateKind,
  type Rubric,
  type Sector,
} from '../domain/template/types';
import { META_MAP } from './fields';
import { fragmentToJson, jsonToFragment, type RichTextDoc } from './richTextJson';
import {
  buildDimension,
  buildOutcomeMap,
  buildSubdimension,
  buildTemplateSection,
  buildTheme,
  fragmentToPlainText,
  newItemId,
  orderedItems,
  plainTextToFragment,
  TEMPLATE_KEYS,
  textOf,
} from './templateDoc';

/*
 * An ontwikkelpad's content ↔ its draft's Y.Doc (the doc's layout: templateDoc.ts): filling a new
 * draft from a published version, and the projection that publishing stores.
 */

/** Fills a rich-text field from its stored structure, or from plain text where that is all there is. */
function fillRichText(doc: Y.Doc, field: string, rich: RichTextDoc | undefined, plain = ''): void {
  const fragment = doc.getXmlFragment(field);
  if (rich?.content?.length) jsonToFragment(fragment, rich);
  else plainTextToFragment(fragment, plain);
}

/**
 * Fills an empty doc: from a published version's content (a revision keeps every outcome id), or
 * with an empty template with the default sections.
 */
export function initTemplateDoc(doc: Y.Doc, content?: TemplateContent, title = 'Nieuw ontwikkelpad'): void {
  doc.transact(() => {
    const meta = doc.getMap<unknown>(META_MAP);
    meta.set('title', content?.title ?? title);
    meta.set('kind', content?.kind ?? 'start-vakbekwaam');
    meta.set('specialisation', content?.specialisation ?? '');
    meta.set('nlqfLevel', content?.nlqfLevel ?? null);
    const sectors = doc.getMap<boolean>(TEMPLATE_KEYS.sectors);
    for (const sector of content?.sectors ?? []) sectors.set(sector, true);
    fillRichText(doc, TEMPLATE_KEYS.description, content?.rich?.description, content?.description);
    fillRichText(doc, TEMPLATE_KEYS.suggestions, content?.rich?.suggestions, content?.suggestions);

    const themes = doc.getArray<Y.Map<unknown>>(TEMPLATE_KEYS.themes);
    const outcomes = doc.getMap<Y.Map<unknown>>(TEMPLATE_KEYS.outcomes);
    const sourceThemes = content?.themes ?? [{ id: newItemId('thema'), title: 'Thema 1', outcomes: [] }];
    themes.push(
      sourceThemes.map((theme, index) =>
        buildTheme(
          theme.id,
          theme.title,
          theme.outcomes.map((outcome) => outcome.id),
          index,
        ),
      ),
    );
    for (const theme of sourceThemes)
      for (const outcome of theme.outcomes)
        outcomes.set(
          outcome.id,
          buildOutcomeMap(outcome.id, outcome.code, outcome.title, outcome.description),
        );

    const rubric = doc.getMap<unknown>(TEMPLATE_KEYS.rubric);
    rubric.set('enabled', content?.rubric != null);
    const levels = new Y.Array<string>();
    levels.push(content?.rubric?.levels ?? ['Startbekwaam', 'Vakbekwaam', 'Expert']);
    rubric.set('levels', levels);
    const dimensions = new Y.Array<Y.Map<unknown>>();
    dimensions.push(
      (content?.rubric?.dimensions ?? []).map((dimension) =>
        buildDimension(
          dimension.id,
          dimension.title,
          dimension.subdimensions.map((sub) => buildSubdimension(sub.id, sub.title, sub.descriptors)),
        ),
      ),
    );
    rubric.set('dimensions', dimensions);

    const sections = doc.getArray<Y.Map<unknown>>(TEMPLATE_KEYS.templateSections);
    const sourceSections =
      content?.sections ??
      DEFAULT_TEMPLATE_SECTIONS.map((section) => ({ ...section, id: newItemId('sectie') }));
    sections.push(
      sourceSections.map((section, index) =>
        buildTemplateSection(section.id, section.heading, section.guidance, index),
      ),
    );
  });
}

/**
 * The projection of a draft (what publishing stores): plain fields, and the rich-text fields both as
 * plain text and in their structure. An outcome id listed in two themes
 * (two people moving it at once) counts once, in the first theme; ids without an outcome are skipped.
 */
export function projectTemplate(doc: Y.Doc): TemplateContent {
  const meta = doc.getMap<unknown>(META_MAP);
  const kindValue = meta.get('kind');
  const kind: TemplateKind = TEMPLATE_KINDS.includes(kindValue as TemplateKind)
    ? (kindValue as TemplateKind)
    : 'start-vakbekwaam';
  const nlqf = meta.get('nlqfLevel');
  const sectorMap = doc.getMap<boolean>(TEMPLATE_KEYS.sectors);
  const sectors = SECTORS.filter((sector: Sector) => sectorMap.get(sector) === true);

  const outcomes = doc.getMap<Y.Map<unknown>>(TEMPLATE_KEYS.outcomes);
  const seen = new Set<string>();
  const themes = orderedItems(doc.getArray<Y.Map<unknown>>(TEMPLATE_KEYS.themes)).map((theme) => {
    const ids = (theme.get('outcomeIds') as Y.Array<string> | undefined)?.toArray() ?? [];
    return {
      id: String(theme.get('id') ?? ''),
      title: textOf(theme.get('title')),
      outcomes: ids.flatMap((id) => {
        const outcome = outcomes.get(id);
        if (!outcome || seen.has(id)) return [];
        seen.add(id);
        return [
          {
            id,
            code: textOf(outcome.get('code')),
            title: textOf(outcome.get('title')),
            description: textOf(outcome.get('description')),
          },
        ];
      }),
    };
  });

  const rubricMap = doc.getMap<unknown>(TEMPLATE_KEYS.rubric);
  let rubric: Rubric | null = null;
  if (rubricMap.get('enabled') === true) {
    const levels = (rubricMap.get('levels') as Y.Array<string> | undefined)?.toArray() ?? [];
    const dimensions = (rubricMap.get('dimensions') as Y.Array<Y.Map<unknown>> | undefined)?.toArray() ?? [];
    rubric = {
      levels,
      dimensions: dimensions.map((dimension) => ({
        id: String(dimension.get('id') ?? ''),
        title: textOf(dimension.get('title')),
        subdimensions: (
          (dimension.get('subdimensions') as Y.Array<Y.Map<unknown>> | undefined)?.toArray() ?? []
        ).map((sub) => ({
          id: String(sub.get('id') ?? ''),
          title: textOf(sub.get('title')),
          descriptors: ((sub.get('descriptors') as Y.Array<Y.Text> | undefined)?.toArray() ?? []).map(textOf),
        })),
      })),
    };
  }

  return {
    title: textOf(meta.get('title')),
    kind,
    specialisation: textOf(meta.get('specialisation')),
    sectors,
    nlqfLevel: typeof nlqf === 'number' ? nlqf : null,
    description: fragmentToPlainText(doc.getXmlFragment(TEMPLATE_KEYS.description)),
    themes,
    rubric,
    suggestions: fragmentToPlainText(doc.getXmlFragment(TEMPLATE_KEYS.suggestions)),
    sections: orderedItems(doc.getArray<Y.Map<unknown>>(TEMPLATE_KEYS.templateSections)).map((section) => ({
      id: String(section.get('id') ?? ''),
      heading: textOf(section.get('heading')),
      guidance: textOf(section.get('guidance')),
    })),
    rich: {
      description: fragmentToJson(doc.getXmlFragment(TEMPLATE_KEYS.description)),
      suggestions: fragmentToJson(doc.getXmlFragment(TEMPLATE_KEYS.suggestions)),
    },
  };
}
