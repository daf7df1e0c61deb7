import { describe, expect, it } from 'vitest';
import { splitSections, structuredFieldOf } from '../../../shared/domain/design/structuredSections';
import { DEFAULT_TEMPLATE_SECTIONS } from '../../../shared/domain/template/types';

describe('template sections that duplicate a structured field', () => {
  it.each([
    ['Leeractiviteiten', 'activities'],
    ['Toetsing en bewijzen', 'evidence'],
    ['Erkenning eerder verworven competenties', 'evcApproach'],
    ['EVC-aanpak', 'evcApproach'],
    ['Relatie tot het professionaliseringstraject', 'trajectRelation'],
    ['  relatie tot het   traject ', 'trajectRelation'],
    ['Doelgroep en aanleiding', null],
    ['Leeruitkomsten en opbouw', null],
    ['Materialen', null],
    ['Evaluatie', null],
    ['Bewijzenmap', null],
  ])('%s → %s', (heading, field) => {
    expect(structuredFieldOf(heading)).toBe(field);
  });

  it('the default sections keep three of their own; every section with a field’s question goes to that field', () => {
    const sections = [...DEFAULT_TEMPLATE_SECTIONS, { heading: 'Leeractiviteiten' }].map(
      (section, index) => ({
        id: `s${index}`,
        heading: section.heading,
      }),
    );
    const { own, absorbed } = splitSections(sections);
    expect(own.map((section) => section.heading)).toEqual([
      'Doelgroep en aanleiding',
      'Leeruitkomsten en opbouw',
      'Materialen',
    ]);
    expect(
      Object.fromEntries(
        Object.entries(absorbed).map(([field, section]) => [field, section.map(({ id }) => id)]),
      ),
    ).toEqual({
      activities: ['s2', 's7'],
      evidence: ['s3'],
      evcApproach: ['s4'],
      trajectRelation: ['s5'],
    });
  });
});
