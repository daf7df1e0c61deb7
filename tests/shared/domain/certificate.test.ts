import { describe, expect, it } from 'vitest';
import {
  designCertificate,
  trajectCertificate,
  type DesignCertificate,
  type DesignCertificateInput,
} from '../../../shared/domain/certificate';
import type { DesignContent } from '../../../shared/domain/design/types';
import { hasEvcProcedure, paragraphsOf } from '../../../shared/domain/evcProcedure';
import type { TemplateContent } from '../../../shared/domain/template/types';

/** The certificate model: derived from a design (and a traject's designs), never typed twice. */

const template: TemplateContent = {
  title: 'Specialist Curriculumontwikkeling',
  kind: 'vakbekwaam-expert',
  specialisation: 'Specialist Curriculumontwikkeling',
  sectors: ['vo'],
  nlqfLevel: 7,
  description: '',
  themes: [
    {
      id: 't1',
      title: 'Wat ontwikkelen',
      outcomes: [
        { id: 'a', code: 'LU 1.1', title: 'Kern en keuze', description: '' },
        { id: 'b', code: 'LU 1.2', title: 'Samenhang', description: '' },
      ],
    },
    { id: 't2', title: 'Hoe', outcomes: [{ id: 'c', code: 'LU 2.1', title: 'Team', description: '' }] },
  ],
  rubric: null,
  suggestions: '',
  sections: [],
};

function design(overrides: Partial<DesignContent> = {}): DesignContent {
  return {
    title: 'Curriculumwerkplaats',
    sectors: ['vo'],
    nlqfLevel: 6,
    targetedOutcomeIds: ['a', 'b'],
    ects: 4,
    mode: 'formeel',
    placement: { type: 'verticaal', position: 1 },
    activities: [],
    evidence: { a: '  Curriculumanalyse  ', c: 'niet gekozen' },
    evcApproach: 'Daarnaast: een gesprek over de eigen leerlijn.',
    trajectRelation: '',
    evcFollowsTeam: true,
    ...overrides,
  };
}

const procedure = { recognition: 'Portfoliogesprek', coverage: 'LU 1.1 en LU 1.2', followUp: 'Maatwerk' };

function input(overrides: Partial<DesignCertificateInput> = {}): DesignCertificateInput {
  return {
    design: design(),
    template,
    frame: { title: 'Specialist Curriculumontwikkeling', version: '1.2.0' },
    issuer: { team: 'Lab Noord', lab: 'Co-creatielab Noord', consortium: 'EC Noord' },
    evcProcedure: procedure,
    hoursPerEcts: 28,
    ...overrides,
  };
}

describe('designCertificate', () => {
  it('lists the targeted leeruitkomsten with code, title and their trimmed evidence only', () => {
    const certificate = designCertificate(input());
    expect(certificate.outcomes).toEqual([
      { id: 'a', code: 'LU 1.1', title: 'Kern en keuze', evidence: 'Curriculumanalyse' },
      { id: 'b', code: 'LU 1.2', title: 'Samenhang', evidence: '' },
    ]);
  });

  it('keeps an outcome the pinned version lacks by its id, without a code', () => {
    const certificate = designCertificate(input({ design: design({ targetedOutcomeIds: ['gone'] }) }));
    expect(certificate.outcomes).toEqual([{ id: 'gone', code: '', title: 'gone', evidence: '' }]);
  });

  it.each([
    { ects: 4, hoursPerEcts: 28, hours: 112 },
    { ects: 3.5, hoursPerEcts: 28, hours: 98 },
    { ects: 4, hoursPerEcts: 25, hours: 100 },
    { ects: 1 / 3, hoursPerEcts: 28, hours: 9 },
    { ects: null, hoursPerEcts: 28, hours: null },
  ])('study load $ects ECTS at $hoursPerEcts h/ECTS → $hours hours', ({ ects, hoursPerEcts, hours }) => {
    const certificate = designCertificate(input({ design: design({ ects }), hoursPerEcts }));
    expect(certificate.studyLoad).toEqual({ ects, hours, hoursPerEcts });
  });

  it("takes the design's NLQF level, else the ontwikkelpad's", () => {
    expect(designCertificate(input()).nlqfLevel).toBe(6);
    expect(designCertificate(input({ design: design({ nlqfLevel: null }) })).nlqfLevel).toBe(7);
  });

  it.each([
    { follows: true, procedure, expected: true },
    { follows: false, procedure, expected: false },
    { follows: true, procedure: null, expected: false },
    { follows: true, procedure: { recognition: ' ', coverage: '', followUp: '' }, expected: false },
  ])('follows the team procedure: $follows with $procedure → $expected', ({ follows, expected, ...rest }) => {
    const certificate = designCertificate(
      input({ design: design({ evcFollowsTeam: follows }), evcProcedure: rest.procedure }),
    );
    expect(certificate.evc.followsTeamProcedure).toBe(expected);
    expect(certificate.evc.designText).toBe('Daarnaast: een gesprek over de eigen leerlijn.');
  });

  it('leaves the participant name and date as place-holders', () => {
    expect(designCertificate(input()).recipient).toEqual({ participantName: null, issuedOn: null });
  });
});

describe('trajectCertificate', () => {
  const part = (title: string, ids: string[], ects: number | null): DesignCertificate =>
    designCertificate(input({ design: design({ title, targetedOutcomeIds: ids, ects }) }));

  const traject = (parts: Array<[DesignCertificate, string | null]>) =>
    trajectCertificate({
      title: 'Traject curriculum',
      template,
      frame: { title: 'Specialist Curriculumontwikkeling', version: '1.2.0' },
      issuer: { team: 'Lab Noord', lab: null, consortium: 'EC Noord' },
      evcProcedure: procedure,
      parts: parts.map(([certificate, alternativeGroup]) => ({ certificate, alternativeGroup })),
      hoursPerEcts: 28,
    });

  it('lists every leeruitkomst of the ontwikkelpad with the parts that certify it', () => {
    const certificate = traject([
      [part('Een', ['a'], 3), null],
      [part('Twee', ['b', 'c'], 4), null],
      [part('Drie', ['c'], 5), null],
    ]);
    expect(certificate.outcomes.map((outcome) => [outcome.code, outcome.coveredBy])).toEqual([
      ['LU 1.1', [0]],
      ['LU 1.2', [1]],
      ['LU 2.1', [1, 2]],
    ]);
    expect(certificate.complete).toBe(true);
    expect(certificate.nlqfLevel).toBe(7);
  });

  it('is not complete while a leeruitkomst is not covered, nor without parts', () => {
    expect(traject([[part('Een', ['a', 'b'], 3), null]]).complete).toBe(false);
    expect(traject([]).complete).toBe(false);
  });

  it.each([
    {
      name: 'steps add up',
      parts: [
        [3, null],
        [4, null],
      ],
      ects: [7, 7],
      hours: [196, 196],
      unknown: 0,
    },
    {
      name: 'alternatives count once',
      parts: [
        [3, 'g'],
        [5, 'g'],
        [4, null],
      ],
      ects: [7, 9],
      hours: [196, 252],
      unknown: 0,
    },
    {
      name: 'equal alternatives',
      parts: [
        [4, 'g'],
        [4, 'g'],
      ],
      ects: [4, 4],
      hours: [112, 112],
      unknown: 0,
    },
    {
      name: 'an unknown size counts 0 and is told',
      parts: [
        [null, null],
        [4, null],
      ],
      ects: [4, 4],
      hours: [112, 112],
      unknown: 1,
    },
  ] as Array<{
    name: string;
    parts: Array<[number | null, string | null]>;
    ects: number[];
    hours: number[];
    unknown: number;
  }>)('study load: $name', ({ parts, ects, hours, unknown }) => {
    const certificate = traject(parts.map(([size, group], i) => [part(`P${i}`, ['a'], size), group]));
    expect(certificate.studyLoad).toEqual({
      ects: { min: ects[0], max: ects[1] },
      hours: { min: hours[0], max: hours[1] },
      hoursPerEcts: 28,
      unknownParts: unknown,
    });
  });
});

describe('evc procedure text', () => {
  it('splits paragraphs on blank lines', () => {
    expect(paragraphsOf('Een\nregel\n\n  \nTwee  \r\n\r\nDrie')).toEqual(['Een\nregel', 'Twee', 'Drie']);
  });

  it('counts an all-blank procedure as none', () => {
    expect(hasEvcProcedure(null)).toBe(false);
    expect(hasEvcProcedure({ recognition: '', coverage: '\n', followUp: ' ' })).toBe(false);
    expect(hasEvcProcedure({ recognition: '', coverage: '', followUp: 'x' })).toBe(true);
  });
});
