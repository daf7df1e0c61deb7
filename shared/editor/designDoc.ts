import * as Y from 'yjs';
import type { TemplateContent, Sector } from '../domain/template/types';
import { SECTORS } from '../domain/template/types';
import {
  ACTIVITY_KINDS,
  LEARNING_FORMS,
  LEARNING_MODES,
  MATERIAL_STATUSES,
  type ActivityKind,
  type LearningForm,
  type LearningMode,
  type Leeractiviteit,
  type DesignContent,
  type MaterialStatus,
  type Placement,
} from '../domain/design/types';
import {
  INTERNAL_REVIEW_QUESTIONS,
  type InternalReviewAnswers,
  type InternalReviewQuestionId,
} from '../domain/design/internalReview';
import { followsTeamEvc } from './evcReference';
import { META_MAP, SECTIONS_ARRAY, sectionFragmentName } from './fields';
import { newItemId, nextOrder, orderedItems, textOf } from './templateDoc';

/**
 * The Y.Doc of a leerarrangement design. Every field merges on its own (never last-writer-wins on
 * the whole form): scalar fields are keys of Y.Maps, lists are Y.Arrays of Y.Maps, free text is
 * Y.Text, the template's sections are rich text.
 *
 * - meta (Y.Map): title, nlqfLevel, ects, mode, placementType ('verticaal' | 'horizontaal'),
 *   position (number), learningForm
 * - sectors (Y.Map<boolean>): a key per chosen sector
 * - targetedOutcomes (Y.Map<boolean>): a key per targeted leeruitkomst id (template order is used)
 * - evidence (Y.Map<Y.Text>): bewijzen per leeruitkomst id
 * - activities (Y.Array<Y.Map>): { id, order, title: Y.Text, kind, mode, hours, materialStatus,
 *   providerType ('team' | 'derde'), providerName: Y.Text }
 * - evcApproach, trajectRelation (Y.Text)
 * - interneToetsing (Y.Map<Y.Text>): the answer per question of the interne toetsing, keyed by
 *   the ids of INTERNAL_REVIEW_QUESTIONS, created on first use
 * - sections (Y.Array<Y.Map{ id, heading }>) + one Y.XmlFragment `section:<id>` each, seeded from
 *   the template version's sections (the section editor of the core renders them).
 */
export const DESIGN_KEYS = {
  sectors: 'sectors',
  targetedOutcomes: 'targetedOutcomes',
  evidence: 'evidence',
  activities: 'activities',
  evcApproach: 'evcApproach',
  trajectRelation: 'trajectRelation',
  interneToetsing: 'interneToetsing',
} as const;

function oneOf<T extends string>(values: readonly T[], value: unknown): T | null {
  return values.includes(value as T) ? (value as T) : null;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** A new activity map (append with nextOrder(activities)). */
export function buildActivity(
  fields: Partial<Omit<Leeractiviteit, 'provider'>> & {
    providerType?: 'team' | 'derde';
    providerName?: string;
  },
  order?: number,
): Y.Map<unknown> {
  const activity = new Y.Map<unknown>();
  activity.set('id', fields.id ?? newItemId('act'));
  if (order !== undefined) activity.set('order', order);
  activity.set('title', new Y.Text(fields.title ?? ''));
  activity.set('kind', fields.kind ?? 'workshop');
  activity.set('mode', fields.mode ?? 'non-formeel');
  activity.set('hours', fields.hours ?? null);
  activity.set('materialStatus', fields.materialStatus ?? null);
  activity.set('providerType', fields.providerType ?? 'team');
  activity.set('providerName', new Y.Text(fields.providerName ?? ''));
  return activity;
}

/** Appends an activity; returns its id. */
export function addActivity(doc: Y.Doc, fields: Parameters<typeof buildActivity>[0] = {}): string {
  const activities = doc.getArray<Y.Map<unknown>>(DESIGN_KEYS.activities);
  const map = buildActivity(fields, nextOrder(activities));
  doc.transact(() => activities.push([map]));
  return map.get('id') as string;
}

/** Evidence text of one outcome, created on first use. */
export function evidenceText(doc: Y.Doc, outcomeId: string): Y.Text {
  const evidence = doc.getMap<Y.Text>(DESIGN_KEYS.evidence);
  let text = evidence.get(outcomeId);
  if (!(text instanceof Y.Text)) {
    text = new Y.Text();
    evidence.set(outcomeId, text);
  }
  return text;
}

/**
 * The answer text of one question of the interne toetsing, created on first use: a doc written
 * before the form existed gets the map when someone first answers.
 */
export function internalReviewText(doc: Y.Doc, questionId: InternalReviewQuestionId): Y.Text {
  const answers = doc.getMap<Y.Text>(DESIGN_KEYS.interneToetsing);
  let text = answers.get(questionId);
  if (!(text instanceof Y.Text)) {
    text = new Y.Text();
    answers.set(questionId, text);
  }
  return text;
}

/** The answers as plain text, every question present (empty when unanswered). */
function projectInternalReview(doc: Y.Doc): InternalReviewAnswers {
  const answers = doc.getMap<unknown>(DESIGN_KEYS.interneToetsing);
  return Object.fromEntries(
    INTERNAL_REVIEW_QUESTIONS.map((question) => [question.id, textOf(answers.get(question.id))]),
  ) as InternalReviewAnswers;
}

/**
 * Fills an empty design doc from its template version: title, the template's sectors and level as
 * a start, and one rich-text section per template section.
 */
export function initDesignDoc(doc: Y.Doc, template: TemplateContent, title: string): void {
  doc.transact(() => {
    const meta = doc.getMap<unknown>(META_MAP);
    meta.set('title', title);
    meta.set('nlqfLevel', template.nlqfLevel);
    meta.set('ects', null);
    meta.set('mode', null);
    meta.set('placementType', null);
    meta.set('position', null);
    meta.set('learningForm', null);
    const sectors = doc.getMap<boolean>(DESIGN_KEYS.sectors);
    for (const sector of template.sectors) sectors.set(sector, true);
    doc.getText(DESIGN_KEYS.evcApproach);
    doc.getText(DESIGN_KEYS.trajectRelation);
    // Made here so two people answering at once type into the same text.
    for (const question of INTERNAL_REVIEW_QUESTIONS) internalReviewText(doc, question.id);
    addTemplateSections(doc, template);
  });
}

/** Adds a rich-text section for every template section the doc does not have yet (also on upgrade). */
export function addTemplateSections(doc: Y.Doc, template: TemplateContent): string[] {
  const sections = doc.getArray<Y.Map<string>>(SECTIONS_ARRAY);
  const present = new Set(sections.toArray().map((section) => section.get('id')));
  const added: string[] = [];
  doc.transact(() => {
    for (const templateSection of template.sections) {
      if (present.has(templateSection.id)) continue;
      const section = new Y.Map<string>();
      section.set('id', templateSection.id);
      section.set('heading', templateSection.heading);
      sections.push([section]);
      doc.getXmlFragment(sectionFragmentName(templateSection.id)).insert(0, [new Y.XmlElement('paragraph')]);
      added.push(templateSection.id);
    }
  });
  return added;
}

/** The plain projection the rules read. Targeted outcomes come in the template's order. */
export function projectDesign(doc: Y.Doc, template?: TemplateContent): DesignContent {
  const meta = doc.getMap<unknown>(META_MAP);
  const sectorMap = doc.getMap<boolean>(DESIGN_KEYS.sectors);
  const targeted = doc.getMap<boolean>(DESIGN_KEYS.targetedOutcomes);
  const templateOrder = template
    ? template.themes.flatMap((theme) => theme.outcomes.map((outcome) => outcome.id))
    : [];
  const targetedIds = [...targeted.keys()].filter((id) => targeted.get(id) === true);
  targetedIds.sort((a, b) => {
    const ia = templateOrder.indexOf(a);
    const ib = templateOrder.indexOf(b);
    return (ia < 0 ? Infinity : ia) - (ib < 0 ? Infinity : ib) || a.localeCompare(b);
  });
  const evidenceMap = doc.getMap<unknown>(DESIGN_KEYS.evidence);
  const evidence: Record<string, string> = {};
  for (const [id, text] of evidenceMap.entries()) evidence[id] = textOf(text);

  const placementType = meta.get('placementType');
  let placement: Placement | null = null;
  if (placementType === 'verticaal')
    placement = { type: 'verticaal', position: numberOrNull(meta.get('position')) };
  if (placementType === 'horizontaal') {
    placement = {
      type: 'horizontaal',
      learningForm: oneOf<LearningForm>(LEARNING_FORMS, meta.get('learningForm')),
    };
  }

  const activities = orderedItems(doc.getArray<Y.Map<unknown>>(DESIGN_KEYS.activities)).map(
    (map): Leeractiviteit => {
      const providerType = map.get('providerType') === 'derde' ? 'derde' : 'team';
      return {
        id: String(map.get('id') ?? ''),
        title: textOf(map.get('title')),
        kind: oneOf<ActivityKind>(ACTIVITY_KINDS, map.get('kind')) ?? 'anders',
        mode: oneOf<LearningMode>(LEARNING_MODES, map.get('mode')) ?? 'non-formeel',
        hours: numberOrNull(map.get('hours')),
        materialStatus: oneOf<MaterialStatus>(MATERIAL_STATUSES, map.get('materialStatus')),
        provider:
          providerType === 'derde'
            ? { type: 'derde', name: textOf(map.get('providerName')) }
            : { type: 'team' },
      };
    },
  );

  return {
    title: textOf(meta.get('title')),
    sectors: SECTORS.filter((sector: Sector) => sectorMap.get(sector) === true),
    nlqfLevel: numberOrNull(meta.get('nlqfLevel')),
    targetedOutcomeIds: targetedIds,
    ects: numberOrNull(meta.get('ects')),
    mode: oneOf<LearningMode>(LEARNING_MODES, meta.get('mode')),
    placement,
    activities,
    evidence,
    evcApproach: doc.getText(DESIGN_KEYS.evcApproach).toString(),
    evcFollowsTeam: followsTeamEvc(doc),
    trajectRelation: doc.getText(DESIGN_KEYS.trajectRelation).toString(),
    interneToetsing: projectInternalReview(doc),
  };
}
