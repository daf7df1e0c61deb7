import { REVIEWER_PERSPECTIVES, type ReviewerPerspective } from '../domain/design/feedback';
import type { MailLanguage } from '../domain/mail';
import { z } from './zod';

/**
 * Comments and feedback rounds: request bodies (zod) and response shapes, shared by the
 * server routes and the client. Comments travel over this HTTP API — never through the Y.Doc — so
 * the server checks every write against the policies.
 */

// ─── Anchors ────────────────────────────────────────────────────────────────────────────────────

/** Kinds of structured items a comment can be anchored to. */
export const ITEM_KINDS = ['outcome', 'activity', 'evidence', 'section', 'field'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

const base64 = z
  .string()
  .max(2000, 'Anker is te groot')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Anker is geen geldige base64');

/**
 * A text range in one rich-text fragment (`section:<id>`, or an ontwikkelpad field), as two Yjs
 * relative positions (so it moves with concurrent edits), the ids of the characters it covered
 * when it was made (to tell whether any of them survive) and the quoted text (shown when the text
 * is gone: *losgeraakt*). See shared/comments/anchors.ts.
 */
export const textAnchorSchema = z
  .object({
    type: z.literal('text'),
    fragment: z.string().min(1).max(200),
    start: base64,
    end: base64,
    /** [clientId, clock, length] runs of the characters the range covered when it was made. */
    ids: z
      .array(
        z.tuple([
          z.number().int().nonnegative(),
          z.number().int().nonnegative(),
          z.number().int().positive(),
        ]),
      )
      .max(500, 'Anker is te groot'),
    quote: z.string().max(2000, 'Citaat is langer dan 2000 tekens'),
  })
  .strict();
export type TextAnchor = z.infer<typeof textAnchorSchema>;

/** A structured item: a leeruitkomst, an activity, a piece of evidence, a whole section or field. */
export const itemAnchorSchema = z
  .object({
    type: z.literal('item'),
    itemKind: z.enum(ITEM_KINDS),
    itemId: z.string().min(1).max(200),
    /** What the item was called when the comment was made (shown if it is removed later). */
    label: z.string().max(300),
  })
  .strict();
export type ItemAnchor = z.infer<typeof itemAnchorSchema>;

export const anchorSchema = z.discriminatedUnion('type', [textAnchorSchema, itemAnchorSchema]);
export type Anchor = z.infer<typeof anchorSchema>;

// ─── Comments ───────────────────────────────────────────────────────────────────────────────────

const body = z.string().trim().min(1, 'Bericht is leeg').max(10_000, 'Bericht is langer dan 10.000 tekens');

/** POST /api/documents/:docId/comments and POST /api/rounds/:roundId/comments */
export const createThreadBody = z
  .object({
    /** null: a comment on the document as a whole. */
    anchor: anchorSchema.nullable(),
    body,
  })
  .strict();

/** POST /api/comments/:threadId/replies, PATCH /api/comments/messages/:messageId */
export const messageBody = z.object({ body }).strict();

/** GET /api/documents/:docId/comments and GET /api/rounds/:roundId/comments */
export const listCommentsQuery = z
  .object({
    status: z.enum(['open', 'resolved', 'all']).optional(),
    mine: z.enum(['1', 'true']).optional(),
    /** Live-draft comments only ("live") or those of one round (round id). Default: live. */
    round: z.string().max(100).optional(),
  })
  .strict();

export interface PersonRef {
  id: string;
  name: string;
}

export interface CommentMessage {
  id: string;
  threadId: string;
  /** null once the author's account is deleted. */
  author: PersonRef | null;
  /** Empty when deleted. Mentions are written `@[Name](userId)`. */
  body: string;
  mentions: PersonRef[];
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
}

export interface CommentThread {
  id: string;
  docId: string;
  /** The round the thread belongs to; null for everyday comments on the live draft. */
  roundId: string | null;
  anchor: Anchor | null;
  /**
   * `attached`: the anchored text (or item) exists in the document the thread is shown on (the live
   * draft, or the round's frozen version); `detached` (*losgeraakt*): it was deleted — the thread is
   * kept and shows `anchor.quote` / `anchor.label`.
   */
  anchorStatus: 'attached' | 'detached' | 'none';
  /** The text the anchor covers now (attached text anchors), else null. */
  currentQuote: string | null;
  status: 'open' | 'resolved';
  resolvedAt: string | null;
  resolvedBy: PersonRef | null;
  /** Set when this thread was carried over from a round comment to the live draft. */
  carriedFrom: { roundId: string; threadId: string } | null;
  createdAt: string;
  messages: CommentMessage[];
}

// ─── Feedback rounds ────────────────────────────────────────────────────────────────────────────

/** The default guiding criteria (DOMAIN.md; editable per round). */
export const DEFAULT_CRITERIA_NL = [
  'Aansluiting bij de leeruitkomsten van het ontwikkelpad',
  'Samenhang en opbouw',
  'Haalbaarheid in de praktijk',
  'Toetsing en bewijzen',
  'Werkvormen en variatie',
] as const;

const criterionInput = z
  .object({
    /** Keep the id of an existing criterion when editing; new ones get an id from the server. */
    id: z.string().max(100).optional(),
    title: z.string().trim().min(1, 'Criterium is leeg').max(200, 'Criterium is langer dan 200 tekens'),
    description: z.string().trim().max(2000).optional(),
  })
  .strict();

const deadline = z.iso.datetime({ offset: true, message: 'Deadline is geen geldige datum en tijd' });

/** POST /api/documents/:docId/rounds */
export const createRoundBody = z
  .object({
    versionId: z.string().min(1, 'Kies een versie').max(100),
    title: z.string().trim().min(1, 'Titel is leeg').max(200, 'Titel is langer dan 200 tekens'),
    description: z.string().trim().max(5000).optional(),
    deadline,
    /** Omitted: the five default criteria. */
    criteria: z.array(criterionInput).min(1, 'Geef minstens één criterium').max(20).optional(),
  })
  .strict();

/** PATCH /api/rounds/:roundId (while open) */
export const updateRoundBody = z
  .object({
    title: z.string().trim().min(1, 'Titel is leeg').max(200).optional(),
    description: z.string().trim().max(5000).optional(),
    deadline: deadline.optional(),
    criteria: z.array(criterionInput).min(1, 'Geef minstens één criterium').max(20).optional(),
  })
  .strict();

/** POST /api/rounds/:roundId/teams */
export const inviteTeamBody = z.object({ teamId: z.uuid('Kies een team') }).strict();

/** POST /api/rounds/:roundId/links */
export const createRoundLinkBody = z
  .object({
    label: z.string().trim().max(200).optional(),
    /** Default 14; the link never outlives the round. */
    expiresInDays: z.number().int().min(1).max(90).optional(),
    /**
     * Mails the link to this address (with SMTP_URL), in `language`. Spelled out rather than taken
     * from schemas/mail.ts: importing that here would put it in the client's shared zod chunk.
     */
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(254, 'E-mailadres is te lang')
      .pipe(z.email('Geen geldig e-mailadres'))
      .optional(),
    language: z.enum(['nl', 'en'] as const satisfies readonly MailLanguage[]).optional(),
  })
  .strict();

/** PUT /api/rounds/:roundId/responses — the caller's own answers (upsert per criterion). */
export const saveResponsesBody = z
  .object({
    answers: z
      .array(
        z
          .object({
            criterionId: z.string().min(1).max(100),
            score: z.number().int().min(1, 'Score is 1 t/m 4').max(4, 'Score is 1 t/m 4').nullable(),
            text: z.string().trim().max(10_000),
          })
          .strict(),
      )
      .max(20),
    /** Mark the answers as sent (the team sees who has responded). */
    submit: z.boolean().optional(),
    /** Who the reviewer speaks for (rule R13); required with `submit: true`, kept with a draft. */
    perspective: z.enum(REVIEWER_PERSPECTIVES, 'Kies een geldig perspectief').optional(),
  })
  .strict();

export const TRIAGE_DECISIONS = ['verwerkt', 'deels-verwerkt', 'niet-overgenomen'] as const;
export type TriageDecision = (typeof TRIAGE_DECISIONS)[number];
export const TRIAGE_LABELS_NL: Record<TriageDecision, string> = {
  verwerkt: 'Verwerkt',
  'deels-verwerkt': 'Deels verwerkt',
  'niet-overgenomen': 'Niet overgenomen',
};

/** PUT /api/rounds/:roundId/triage */
export const triageBody = z
  .object({
    itemKind: z.enum(['comment', 'response']),
    /** Thread id (comment) or response id. */
    itemId: z.string().min(1).max(100),
    decision: z.enum(TRIAGE_DECISIONS, 'Kies verwerkt, deels verwerkt of niet overgenomen'),
    reason: z.string().trim().min(1, 'Geef een reden').max(5000),
    /** The version in which it was handled (a version of the same document). */
    versionId: z.string().max(100).nullable().optional(),
  })
  .strict();

/** POST /api/notifications/read */
export const markReadBody = z
  .object({ ids: z.array(z.number().int().positive()).max(500).optional(), all: z.boolean().optional() })
  .strict();

export type RoundStatus = 'open' | 'closed' | 'completed';

export interface Criterion {
  id: string;
  title: string;
  description: string;
}

export interface Round {
  id: string;
  docId: string;
  documentTitle: string;
  teamId: string;
  teamName: string;
  version: { id: string; label: string; createdAt: string };
  title: string;
  description: string;
  deadline: string;
  criteria: Criterion[];
  /** open → closed (triage) → completed (every item triaged; summary final). */
  status: RoundStatus;
  createdBy: PersonRef | null;
  createdAt: string;
  closedAt: string | null;
  completedAt: string | null;
  /** How the caller sees the round. */
  access: 'team' | 'reviewer';
  /** What the caller may do now. */
  can: { comment: boolean; respond: boolean; manage: boolean; triage: boolean };
}

export interface RoundParticipant {
  user: PersonRef;
  /** The invited team they review for, or null for an individual invited by link. */
  team: { id: string; name: string } | null;
  submittedAt: string | null;
  /** Whom they speak for (R13), once they have submitted; a draft's choice stays theirs. */
  perspective: ReviewerPerspective | null;
  commentCount: number;
}

export interface RoundReviewers {
  /** `pending`: asked, not yet accepted by an owner of that team (its members see nothing yet). */
  teams: Array<{ id: string; name: string; kind: string; pending: boolean }>;
  links: Array<{
    id: string;
    label: string;
    createdAt: string;
    expiresAt: string;
    revokedAt: string | null;
    uses: number;
    /** The address the link was mailed to, if it was. */
    sentTo: string | null;
  }>;
  participants: RoundParticipant[];
}

export interface CriterionResponse {
  id: string;
  criterionId: string;
  author: PersonRef | null;
  score: number | null;
  text: string;
  updatedAt: string;
  submittedAt: string | null;
  /** Who the author speaks for in this round (R13); null until they say. */
  perspective: ReviewerPerspective | null;
}

export interface TriageEntry {
  decision: TriageDecision;
  reason: string;
  version: { id: string; label: string } | null;
  decidedBy: PersonRef | null;
  decidedAt: string;
}

export interface SummaryItem {
  kind: 'comment' | 'response';
  id: string;
  author: PersonRef | null;
  /** Comment: quote (or item label); response: the criterion's title. */
  context: string;
  /** Comment: the thread's first message; response: "score/4 — text". */
  text: string;
  score: number | null;
  replies: number;
  triage: TriageEntry | null;
  /** The author's perspective in this round (R13); null for the team's own and unstated ones. */
  perspective: ReviewerPerspective | null;
}

export interface RoundSummary {
  round: Round;
  items: SummaryItem[];
  counts: { total: number; triaged: number } & Record<TriageDecision, number>;
  /** Reviewers who submitted, per perspective they stated (R13). */
  perspectives: Record<ReviewerPerspective, number>;
}

/** GET /api/teams/:teamId/review-requests — another team asks this one for feedback. */
export interface ReviewRequest {
  roundId: string;
  roundTitle: string;
  documentTitle: string;
  requestingTeam: string | null;
  requester: PersonRef | null;
  deadline: string;
  requestedAt: string;
}

export interface Notification {
  id: number;
  kind:
    | 'mention'
    | 'reply'
    | 'round_invite'
    | 'round_feedback'
    | 'round_closed'
    | 'round_deadline'
    | 'round_completed'
    | 'team_added'
    | 'review_request'
    | 'review_request_answered'
    | 'design_submitted'
    | 'design_decided'
    | 'design_status';
  /** Dutch text ready to show. */
  text: string;
  /** Client path to open (e.g. /ontwerp/:id?comment=…, /ronde/:id). */
  link: string;
  actor: PersonRef | null;
  createdAt: string;
  readAt: string | null;
}
