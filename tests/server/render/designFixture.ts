/** A design Y.Doc with every kind of content the renderers must keep, and its export job input. */
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { DEFAULT_TEMPLATE_SECTIONS, type TemplateContent } from '../../../shared/domain/template/types';
import { addActivity, DESIGN_KEYS, initDesignDoc } from '../../../shared/editor/designDoc';
import { richTextSchema } from '../../../shared/editor/extensions';
import { META_MAP, SECTIONS_ARRAY, sectionFragmentName } from '../../../shared/editor/fields';
import type { ExportJob } from '../../../server/workers/jobs';

/** The template the fixture design is checked against: the default sections, one outcome. */
export const TEMPLATE: TemplateContent = {
  title: 'Startende leraren',
  kind: 'start-vakbekwaam',
  specialisation: '',
  sectors: ['vo'],
  nlqfLevel: 5,
  description: '',
  themes: [
    {
      id: 't1',
      title: 'Pedagogisch',
      outcomes: [{ id: 'lu-a', code: 'LU 1.1', title: 'Veilig klimaat', description: '' }],
    },
  ],
  rubric: null,
  suggestions: '',
  sections: DEFAULT_TEMPLATE_SECTIONS.map((section, index) => ({ ...section, id: `s${index}` })),
};

const t = (text: string, marks?: Array<{ type: string; attrs?: Record<string, unknown> }>) => ({
  type: 'text',
  text,
  ...(marks ? { marks } : {}),
});
const p = (...content: unknown[]) => ({ type: 'paragraph', content });
const item = (text: string) => ({ type: 'listItem', content: [p(t(text))] });

/** The first section's rich text: headings of two levels, marks, a link and both list kinds. */
export const RICH_SECTION = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 3 }, content: [t('Aanleiding')] },
    p(
      t('Leraren willen '),
      t('vet', [{ type: 'bold' }]),
      t(' en '),
      t('schuin', [{ type: 'italic' }]),
      t('.'),
    ),
    p(
      t('Zie '),
      t('de site', [{ type: 'link', attrs: { href: 'https://example.org/a' } }]),
      t(' of '),
      t('dit', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]),
    ),
    { type: 'heading', attrs: { level: 4 }, content: [t('Doelgroep')] },
    { type: 'bulletList', content: [item('Starters'), item('Zij-instromers')] },
    { type: 'orderedList', attrs: { start: 1 }, content: [item('Eerst'), item('Dan')] },
    p(t('Tweede alinea.')),
  ],
};

/** A design doc holding RICH_SECTION, EVC, relatie, an activity with material status and evidence. */
export function richDesignDoc(): Y.Doc {
  const doc = new Y.Doc();
  initDesignDoc(doc, TEMPLATE, 'Klimaat');
  doc.transact(() => {
    const first = String(doc.getArray<Y.Map<unknown>>(SECTIONS_ARRAY).get(0).get('id'));
    const fragment = doc.getXmlFragment(sectionFragmentName(first));
    fragment.delete(0, fragment.length);
    prosemirrorJSONToYXmlFragment(richTextSchema(), RICH_SECTION, fragment);
    doc.getMap(META_MAP).set('ects', 3);
    doc.getMap<boolean>(DESIGN_KEYS.targetedOutcomes).set('lu-a', true);
    doc.getMap<Y.Text>(DESIGN_KEYS.evidence).set('lu-a', new Y.Text('Een lesobservatie.'));
    doc.getText(DESIGN_KEYS.evcApproach).insert(0, 'Portfolio en gesprek.');
    doc.getText(DESIGN_KEYS.trajectRelation).insert(0, 'Tweede stap van het traject.');
  });
  addActivity(doc, {
    title: 'Intervisie | ronde 1',
    kind: 'intervisie',
    hours: 4,
    materialStatus: 'omgezet-opgewerkt',
  });
  return doc;
}

/** An export job of the doc's current state (as the export command builds it). */
export function exportJob(doc: Y.Doc, format: ExportJob['format']): ExportJob {
  const document = {
    id: 'd1',
    teamId: 't1',
    kind: 'leerarrangement' as const,
    title: 'Klimaat',
    createdAt: '2026-12-06T13:00:00.000Z',
    updatedAt: '2026-12-06T13:05:00.000Z',
  };
  return {
    format,
    document,
    version: null,
    input: {
      state: Y.encodeStateAsUpdate(doc),
      document,
      template: { id: 'tpl', title: TEMPLATE.title, version: '1.0', content: TEMPLATE },
      life: { feedback: [], origin: 'nieuw', hoursPerEcts: 28 },
    },
  };
}
