import type { DesignContent } from './design/types';
import { allOutcomes, type TemplateContent } from './template/types';
import { hasEvcProcedure, type EvcProcedure } from './evcProcedure';

/**
 * Certificates (001 l.337, l.349–350): per leerarrangement, one that lists the leeruitkomsten a
 * participant achieves; all part-certificates together give one for the whole traject. Both are
 * derived from what the design and the traject already hold, so nothing is typed twice.
 */

/** Who issues a certificate: the team, its co-creatielab and its Educatief Consortium. */
export interface CertificateIssuer {
  team: string;
  lab: string | null;
  consortium: string | null;
}

/** The ontwikkelpad version a certificate's leeruitkomsten come from. */
export interface CertificateFrame {
  title: string;
  version: string;
}

/** A leeruitkomst on a certificate, with the evidence a participant hands in for it. */
export interface CertificateOutcome {
  id: string;
  code: string;
  title: string;
  evidence: string;
}

/** Study load as stated by the design: ECTS, and hours at the given hours per ECTS. */
export interface StudyLoadStated {
  ects: number | null;
  hours: number | null;
  hoursPerEcts: number;
}

/** How prior learning counts: the team's procedure, and what this design adds or says itself. */
export interface CertificateEvc {
  followsTeamProcedure: boolean;
  teamProcedure: EvcProcedure | null;
  /** The design's own EVC text: its additions to the team's procedure, or its whole approach. */
  designText: string;
}

/** Filled in when a certificate is issued to someone; null prints an empty line to write on. */
export interface CertificateRecipient {
  participantName: string | null;
  issuedOn: string | null;
}

/** The certificate of one leerarrangement. */
export interface DesignCertificate {
  kind: 'leerarrangement';
  title: string;
  outcomes: CertificateOutcome[];
  studyLoad: StudyLoadStated;
  nlqfLevel: number | null;
  issuer: CertificateIssuer;
  frame: CertificateFrame;
  evc: CertificateEvc;
  recipient: CertificateRecipient;
}

/** What a design certificate is derived from. */
export interface DesignCertificateInput {
  design: DesignContent;
  template: TemplateContent;
  frame: CertificateFrame;
  issuer: CertificateIssuer;
  /** The team's EVC procedure (null: it has none); the design says whether it follows it. */
  evcProcedure: EvcProcedure | null;
  hoursPerEcts: number;
}

const EMPTY_RECIPIENT: CertificateRecipient = { participantName: null, issuedOn: null };

/** Hours of `ects` at `hoursPerEcts`, rounded to whole hours (a certificate shows no fractions). */
function hoursOf(ects: number | null, hoursPerEcts: number): number | null {
  return ects === null ? null : Math.round(ects * hoursPerEcts);
}

/**
 * The certificate of a leerarrangement: its targeted leeruitkomsten in the ontwikkelpad's order
 * with the evidence asked for each, the stated study load, level, issuer and EVC route.
 */
export function designCertificate(input: DesignCertificateInput): DesignCertificate {
  const { design, template } = input;
  const known = new Map(allOutcomes(template).map((outcome) => [outcome.id, outcome]));
  const outcomes = design.targetedOutcomeIds.map((id): CertificateOutcome => {
    const outcome = known.get(id);
    return {
      id,
      // An outcome the pinned version no longer has keeps its id, so the gap stays visible.
      code: outcome?.code ?? '',
      title: outcome?.title ?? id,
      evidence: (design.evidence[id] ?? '').trim(),
    };
  });
  return {
    kind: 'leerarrangement',
    title: design.title,
    outcomes,
    studyLoad: {
      ects: design.ects,
      hours: hoursOf(design.ects, input.hoursPerEcts),
      hoursPerEcts: input.hoursPerEcts,
    },
    nlqfLevel: design.nlqfLevel ?? template.nlqfLevel,
    issuer: input.issuer,
    frame: input.frame,
    evc: {
      followsTeamProcedure: design.evcFollowsTeam === true && hasEvcProcedure(input.evcProcedure),
      teamProcedure: input.evcProcedure,
      designText: design.evcApproach.trim(),
    },
    recipient: EMPTY_RECIPIENT,
  };
}

/** A part-certificate within a traject; parts sharing an alternative group are alternatives. */
export interface TrajectPart {
  certificate: DesignCertificate;
  alternativeGroup: string | null;
}

/** A leeruitkomst of the ontwikkelpad with the parts (by index) that certify it. */
export interface TrajectOutcome {
  id: string;
  code: string;
  title: string;
  coveredBy: number[];
}

/** A range: equal ends when there are no alternatives of different size. */
export interface LoadRange {
  min: number;
  max: number;
}

/** The certificate of a whole professionaliseringstraject. */
export interface TrajectCertificate {
  kind: 'traject';
  title: string;
  parts: TrajectPart[];
  /** Every leeruitkomst of the ontwikkelpad, in its order. */
  outcomes: TrajectOutcome[];
  /** True when the parts cover every leeruitkomst of the ontwikkelpad (001 l.337). */
  complete: boolean;
  /** A participant follows one part of each alternative group: totals over such a route. */
  studyLoad: { ects: LoadRange; hours: LoadRange; hoursPerEcts: number; unknownParts: number };
  nlqfLevel: number | null;
  issuer: CertificateIssuer;
  frame: CertificateFrame;
  evcProcedure: EvcProcedure | null;
  recipient: CertificateRecipient;
}

/** What a traject certificate is derived from. */
export interface TrajectCertificateInput {
  title: string;
  template: TemplateContent;
  frame: CertificateFrame;
  issuer: CertificateIssuer;
  evcProcedure: EvcProcedure | null;
  parts: TrajectPart[];
  hoursPerEcts: number;
}

/** Sums per route: a stand-alone part counts once; of a group, the smallest and largest member. */
function routeLoad(parts: readonly TrajectPart[], hoursPerEcts: number) {
  const groups = new Map<string, number[]>();
  let unknownParts = 0;
  parts.forEach((part, index) => {
    const ects = part.certificate.studyLoad.ects;
    if (ects === null) unknownParts++;
    const key = part.alternativeGroup ?? `part:${index}`;
    groups.set(key, [...(groups.get(key) ?? []), ects ?? 0]);
  });
  let min = 0;
  let max = 0;
  for (const sizes of groups.values()) {
    min += Math.min(...sizes);
    max += Math.max(...sizes);
  }
  return {
    ects: { min, max },
    hours: { min: Math.round(min * hoursPerEcts), max: Math.round(max * hoursPerEcts) },
    hoursPerEcts,
    unknownParts,
  };
}

/**
 * The certificate for a whole traject, from its part-certificates (001 l.337): every leeruitkomst
 * of the ontwikkelpad with the parts that certify it, whether all are covered, and the study load
 * of one route through the traject (alternatives are followed one at a time, never added up).
 */
export function trajectCertificate(input: TrajectCertificateInput): TrajectCertificate {
  const outcomes = allOutcomes(input.template).map((outcome): TrajectOutcome => ({
    id: outcome.id,
    code: outcome.code,
    title: outcome.title,
    coveredBy: input.parts.flatMap((part, index) =>
      part.certificate.outcomes.some((covered) => covered.id === outcome.id) ? [index] : [],
    ),
  }));
  return {
    kind: 'traject',
    title: input.title,
    parts: input.parts,
    outcomes,
    complete: outcomes.length > 0 && outcomes.every((outcome) => outcome.coveredBy.length > 0),
    studyLoad: routeLoad(input.parts, input.hoursPerEcts),
    nlqfLevel: input.template.nlqfLevel,
    issuer: input.issuer,
    frame: input.frame,
    evcProcedure: input.evcProcedure,
    recipient: EMPTY_RECIPIENT,
  };
}
