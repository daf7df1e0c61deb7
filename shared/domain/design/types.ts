import type { Sector } from '../template/types';
import type { ClosedRoundEvidence, DesignOrigin } from './feedback';
import type { InternalReviewAnswers } from './internalReview';

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

/**
 * Hours of study load per ECTS when the server says nothing else (its setting HOURS_PER_ECTS).
 * The seeds state sizes in ECTS only; 28 hours is the usual Dutch norm (1 ECTS = 28 uur), not a
 * seed line.
 */
export const DEFAULT_HOURS_PER_ECTS = 28;

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
  /**
   * The answers to the questions of the interne toetsing (001 l.256–261), per question id; absent
   * in projections stored before the form existed.
   */
  interneToetsing?: InternalReviewAnswers;
}

/** What the rules know about the design's life so far. */
export interface DesignContext {
  /** The design's closed feedback rounds, as R13 weighs them; null where they are not known. */
  feedback: readonly ClosedRoundEvidence[] | null;
  /** Existing offer asks R13 for feedback on the existing material; default 'nieuw'. */
  origin?: DesignOrigin;
  /** Hours of study load per ECTS (R3's message); default DEFAULT_HOURS_PER_ECTS. */
  hoursPerEcts?: number;
  /**
   * Labels of outcomes the current template version no longer has (from earlier versions of the
   * same ontwikkelpad), so a message after an upgrade can say "LU 1.1 Mediawijsheid", not an id.
   */
  outcomeLabels?: Record<string, string>;
}

/** What the server knows of a design's life beyond its document: its rounds, origin and ECTS norm. */
export type DesignLifeContext = Required<Pick<DesignContext, 'feedback' | 'origin' | 'hoursPerEcts'>>;

/** The rules of DOMAIN.md. */
export type RuleId =
  'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7' | 'R8' | 'R9' | 'R10' | 'R11' | 'R12' | 'R13';

/**
 * One rule's verdict. `must` rules block a status change when they fail; guidelines warn.
 * `pass` green, `warn` amber (guideline not met), `fail` red (must not met), `info` a remark
 * (e.g. fewer than 6 arrangements is allowed), `pending` not decidable yet.
 */
export interface RuleResult {
  ruleId: RuleId;
  kind: 'must' | 'guideline';
  status: 'pass' | 'fail' | 'warn' | 'info' | 'pending';
  message: string;
  /** The field (and item) the result is about, so the editor can jump there. */
  target: { field: string; itemId?: string };
  /** The lifecycle step a failing must-rule blocks. */
  gate?: 'leaving-prototype' | 'interne-toetsing' | 'publishing-traject';
}
