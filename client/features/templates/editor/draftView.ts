import { useState, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import {
  TEMPLATE_KINDS,
  SECTORS,
  type TemplateKind,
  type Sector,
} from '../../../../shared/domain/template/types';
import { META_MAP } from '../../../../shared/editor/fields';
import { TEMPLATE_KEYS, orderedItems } from '../../../../shared/editor/templateDoc';

/**
 * What the draft editor renders: the Y.Doc of an ontwikkelpad draft (layout in
 * shared/editor/templateDoc.ts) read into plain values plus the Y types the controls edit.
 * Strings are copied (controlled inputs); Y.Text stays a Y.Text (bound inputs merge per character).
 */
export interface DraftView {
  title: string;
  kind: TemplateKind;
  specialisation: string;
  nlqfLevel: number | null;
  sectors: ReadonlySet<Sector>;
  themes: ThemeView[];
  rubric: RubricView;
  sections: SectionView[];
  /** The doc holds a draft at all (false for an empty doc before the first sync). */
  hasContent: boolean;
}

export interface OutcomeView {
  id: string;
  map: Y.Map<unknown>;
  code: string;
  title: Y.Text | null;
  description: Y.Text | null;
}

export interface ThemeView {
  id: string;
  map: Y.Map<unknown>;
  title: string;
  outcomes: OutcomeView[];
}

export interface SubdimensionView {
  id: string;
  map: Y.Map<unknown>;
  title: string;
  descriptors: Y.Text[];
}

export interface DimensionView {
  id: string;
  map: Y.Map<unknown>;
  title: string;
  subdimensions: SubdimensionView[];
}

export interface RubricView {
  enabled: boolean;
  levels: string[];
  dimensions: DimensionView[];
}

export interface SectionView {
  id: string;
  map: Y.Map<unknown>;
  heading: string;
  guidance: Y.Text | null;
}

function str(value: unknown): string {
  if (value instanceof Y.Text) return value.toString();
  return typeof value === 'string' ? value : '';
}

function text(value: unknown): Y.Text | null {
  return value instanceof Y.Text ? value : null;
}

function maps(value: unknown): Y.Map<unknown>[] {
  if (!(value instanceof Y.Array)) return [];
  return value.toArray().filter((item): item is Y.Map<unknown> => item instanceof Y.Map);
}

/** Items with an id, each id once (a duplicate would key two controls to one item). */
function uniqueById<T extends { id: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => item.id !== '' && !seen.has(item.id) && seen.add(item.id));
}

/** Reads the whole draft. An outcome listed by two themes shows in the first, as it publishes. */
export function readDraftView(doc: Y.Doc): DraftView {
  const meta = doc.getMap<unknown>(META_MAP);
  const kindValue = meta.get('kind');
  const nlqf = meta.get('nlqfLevel');
  const sectorMap = doc.getMap<unknown>(TEMPLATE_KEYS.sectors);
  const outcomes = doc.getMap<unknown>(TEMPLATE_KEYS.outcomes);
  const seen = new Set<string>();
  const themes = uniqueById(
    orderedItems(doc.getArray<Y.Map<unknown>>(TEMPLATE_KEYS.themes)).map((map) => {
      const ids = map.get('outcomeIds');
      return {
        id: str(map.get('id')),
        map,
        title: str(map.get('title')),
        outcomes: (ids instanceof Y.Array ? (ids.toArray() as unknown[]) : []).flatMap((id) => {
          const outcome = typeof id === 'string' ? outcomes.get(id) : undefined;
          if (typeof id !== 'string' || !(outcome instanceof Y.Map) || seen.has(id)) return [];
          seen.add(id);
          return [
            {
              id,
              map: outcome as Y.Map<unknown>,
              code: str(outcome.get('code')),
              title: text(outcome.get('title')),
              description: text(outcome.get('description')),
            },
          ];
        }),
      };
    }),
  );
  const rubric = doc.getMap<unknown>(TEMPLATE_KEYS.rubric);
  const levels = rubric.get('levels');
  const sections = orderedItems(doc.getArray<Y.Map<unknown>>(TEMPLATE_KEYS.templateSections));
  return {
    title: str(meta.get('title')),
    kind: TEMPLATE_KINDS.includes(kindValue as TemplateKind)
      ? (kindValue as TemplateKind)
      : 'start-vakbekwaam',
    specialisation: str(meta.get('specialisation')),
    nlqfLevel: typeof nlqf === 'number' ? nlqf : null,
    sectors: new Set(SECTORS.filter((sector) => sectorMap.get(sector) === true)),
    themes,
    rubric: {
      enabled: rubric.get('enabled') === true,
      levels: levels instanceof Y.Array ? (levels.toArray() as unknown[]).map(str) : [],
      dimensions: uniqueById(
        maps(rubric.get('dimensions')).map((map) => ({
          id: str(map.get('id')),
          map,
          title: str(map.get('title')),
          subdimensions: uniqueById(
            maps(map.get('subdimensions')).map((sub) => {
              const descriptors = sub.get('descriptors');
              return {
                id: str(sub.get('id')),
                map: sub,
                title: str(sub.get('title')),
                descriptors:
                  descriptors instanceof Y.Array
                    ? (descriptors.toArray() as unknown[]).filter(
                        (item): item is Y.Text => item instanceof Y.Text,
                      )
                    : [],
              };
            }),
          ),
        })),
      ),
    },
    sections: uniqueById(
      sections.map((map) => ({
        id: str(map.get('id')),
        map,
        heading: str(map.get('heading')),
        guidance: text(map.get('guidance')),
      })),
    ),
    hasContent: meta.has('kind') || sections.length > 0,
  };
}

/**
 * A cached view that is read again after every change of the doc. useSyncExternalStore re-renders
 * synchronously inside the input's own event, so controlled inputs keep their caret.
 */
function createViewStore(doc: Y.Doc) {
  let view: DraftView | null = null;
  const listeners = new Set<() => void>();
  // Registered for the doc's lifetime (the doc is destroyed with its session): a change between
  // render and subscribe still invalidates the cache.
  doc.on('update', () => {
    view = null;
    for (const listener of [...listeners]) listener();
  });
  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot(): DraftView {
      view ??= readDraftView(doc);
      return view;
    },
  };
}

/** The draft as the editor shows it, following every local and remote change. */
export function useDraftView(doc: Y.Doc): DraftView {
  const [store] = useState(() => createViewStore(doc));
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
