import type { Sector } from '../template/types';

/**
 * The plain projection of a leerarrangement design: what the rules R1–R13 are computed
 * from, on the client (live) and on the server (any design, any stored version) alike.
 */
export const LEARNING_MODES = ['formeel', 'non-formeel', 'informeel'] as const;
export type LearningMode = (typeof LEARNING_MODES)[number];

export const LEARNING_FORMS = ['collectief', 'team', 'individueel'] as const;
export type LearningForm = (typeof LEARNING_FORMS)[number];

export const MATERIAL_STATUSES = ['nieuw', 'omgezet-opgewerkt', 'bestaand'] as const;
export type MaterialStatus = (typeof MATERIAL_STATUSES)[number];

export const ACTIVITY_KINDS = [
  'workshop',
  'intervisie',
  'coaching',
  'co-teaching',
  'werkplekleren',
  'zelfstudie',
  'praktijkopdracht',
  'anders',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** 1 ECTS = 28 hours of study load (001 l.344). */
export const HOURS_PER_ECTS = 28;

/** A learning activity of the arrangement. */
export interface Leeractiviteit {
  id: string;
  title: string;
  kind: ActivityKind;
  mode: LearningMode;
  hours: number | null;
  materialStatus: MaterialStatus | null;
  /** Delivered by the team itself, or by a named third party (R12). */
  provider: { type: 'team' } | { type: 'derde'; name: string };
}

/** Vertical: one step in an ordered traject; horizontal: one of several alternatives. */
export type Placement =
  { type: 'verticaal'; position: number | null } | { type: 'horizontaal'; learningForm: LearningForm | null };

/** A leerarrangement design, as plain data. */
export interface DesignContent {
  title: string;
  sectors: Sector[];
  nlqfLevel: number | null;
  /** Ids of the template version's leeruitkomsten this arrangement realises. */
  targetedOutcomeIds: string[];
  ects: number | null;
  mode: LearningMode | null;
  placement: Placement | null;
  activities: Leeractiviteit[];
  /** Evidence / assessment per targeted outcome id (R7). */
  evidence: Record<string, string>;
  evcApproach: string;
  /** Follows the team's EVC procedure; `evcApproach` then holds what this design adds. */
  evcFollowsTeam?: boolean;
  trajectRelation: string;
}

/** What the rules know about the design's life so far. */
export interface DesignContext {
  /** Closed feedback rounds on this design; null while the rounds capability does not exist. */
  closedRounds: number | null;
  /**
   * Labels of outcomes the current template version no longer has (from earlier versions of the
   * same ontwikkelpad), so a message after an upgrade can say "LU 1.1 Mediawijsheid", not an id.
   */
  outcomeLabels?: Record<string, string>;
}
