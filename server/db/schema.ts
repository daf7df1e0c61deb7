import type { ColumnType, Generated } from 'kysely';
import type { DesignOrigin, ReviewerPerspective } from '../../shared/domain/design/feedback';
import type { DesignStatus, InternalOutcome } from '../../shared/domain/lifecycle';
import type { Role, TeamKind } from '../../shared/domain/roles';
import type { License } from '../../shared/domain/licenses';
import type { TemplateKind } from '../../shared/domain/template/types';
import type { RoundStatus, TriageDecision } from '../../shared/schemas/rounds';
import type { AssignmentState, Verdict } from '../../shared/domain/review';

/**
 * The tables as both migration series leave them (server/db/migrations), for Kysely: snake_case
 * column names as stored; millisecond timestamps and identity ids as numbers (BIGINT on
 * PostgreSQL, parsed to number by the pool); JSON kept as text. tests/server/db/schemaTypes.test.ts
 * checks every table, column, nullability and CHECK list against the migrated SQLite schema.
 */
export interface Database {
  schema_migrations: SchemaMigrationsTable;
  documents: DocumentsTable;
  doc_state: DocStateTable;
  doc_heads: DocHeadsTable;
  doc_updates: DocUpdatesTable;
  doc_updates_quarantine: DocUpdatesQuarantineTable;
  users: UsersTable;
  sessions: SessionsTable;
  teams: TeamsTable;
  memberships: MembershipsTable;
  invites: InvitesTable;
  audit_events: AuditEventsTable;
  template_versions: TemplateVersionsTable;
  template_drafts: TemplateDraftsTable;
  designs: DesignsTable;
  trajects: TrajectsTable;
  traject_items: TrajectItemsTable;
  document_versions: DocumentVersionsTable;
  design_transitions: DesignTransitionsTable;
  design_publications: DesignPublicationsTable;
  feedback_rounds: FeedbackRoundsTable;
  round_teams: RoundTeamsTable;
  round_links: RoundLinksTable;
  round_reviewers: RoundReviewersTable;
  round_responses: RoundResponsesTable;
  round_submissions: RoundSubmissionsTable;
  round_perspectives: RoundPerspectivesTable;
  comments: CommentsTable;
  round_triage: RoundTriageTable;
  notifications: NotificationsTable;
  traject_transitions: TrajectTransitionsTable;
  traject_versions: TrajectVersionsTable;
  traject_publications: TrajectPublicationsTable;
  password_resets: PasswordResetsTable;
  session_ends: SessionEndsTable;
  search_entries: SearchEntriesTable;
  template_establishments: TemplateEstablishmentsTable;
  team_licenses: TeamLicensesTable;
  traject_agreements: TrajectAgreementsTable;
  evc_procedures: EvcProceduresTable;
  review_assignments: ReviewAssignmentsTable;
  review_judgements: ReviewJudgementsTable;
  quality_frames: QualityFramesTable;
  mail_outbox: MailOutboxTable;
  mail_preferences: MailPreferencesTable;
  mail_keys: MailKeysTable;
  round_deadline_notices: RoundDeadlineNoticesTable;
}

/**
 * Tables whose lists break ties in insertion order (rows created within the same millisecond).
 * Order by `rowid` on SQLite and by `seq` on PostgreSQL: an identity column only the PostgreSQL
 * twins have, so it is not in the interfaces here. Never set it: the database assigns it.
 */
export const INSERTION_ORDERED_TABLES = [
  'comments',
  'feedback_rounds',
  'document_versions',
  'traject_versions',
] as const satisfies readonly (keyof Database)[];

/** The insertion-order column of INSERTION_ORDERED_TABLES on each engine. */
export const INSERTION_ORDER_COLUMN = { sqlite: 'rowid', postgres: 'seq' } as const;

/** Raw bytes: better-sqlite3 and pg both return a Buffer (a Uint8Array), and take any Uint8Array. */
export type Bytes = ColumnType<Uint8Array, Uint8Array, Uint8Array>;

/** An integer boolean: better-sqlite3 cannot bind booleans, so both engines store and compare 0/1. */
export type IntBoolean = 0 | 1;

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: number;
}

export interface DocumentsTable {
  id: string;
  title: string;
  created_at: number;
  updated_at: number;
  /** Null only for documents from before accounts (unreachable). */
  team_id: string | null;
  created_by: string | null;
  /** A DocumentKind (shared/schemas/documents.ts); the database does not check it. */
  kind: Generated<string>;
}

/** Compacted state: the merged Yjs update of every log row it replaced. */
export interface DocStateTable {
  doc_id: string;
  state: Bytes;
  state_vector: Bytes;
  updated_at: number;
  /** The state contains every log row of the document up to this seq. */
  up_to_seq: Generated<number>;
}

/** The last seq handed out in a document's log (no row before its first update). */
export interface DocHeadsTable {
  doc_id: string;
  seq: number;
}

/** Append-only log of accepted Yjs updates, numbered per document in commit order. */
export interface DocUpdatesTable {
  doc_id: string;
  seq: number;
  data: Bytes;
  created_at: number;
}

/** Log rows that could not be applied, moved aside with their place in the log. */
export interface DocUpdatesQuarantineTable {
  doc_id: string;
  seq: number;
  data: Bytes;
  created_at: number;
  reason: string;
  quarantined_at: number;
}

export interface UsersTable {
  id: string;
  /** Unique regardless of case: compare with lower(email) on PostgreSQL (NOCASE on SQLite). */
  email: string;
  name: string;
  password_hash: string;
  created_at: number;
  /** Set when the account was deleted; the row stays, anonymised. */
  deleted_at: number | null;
  /** Set by `npm run admin -- disable-user`: no login, no sessions. */
  disabled_at: number | null;
  /** Set by `npm run admin -- make-admin` (a platform admin; nothing grants rights by it yet). */
  admin_at: number | null;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  secret_hash: Bytes;
  created_at: number;
  last_active_at: number;
}

export interface TeamsTable {
  id: string;
  name: string;
  /** Has a default only because SQLite could widen its CHECK just by a column swap (migration 016). */
  kind: Generated<TeamKind>;
  lab_name: string | null;
  consortium_name: string | null;
  created_at: number;
}

export interface MembershipsTable {
  team_id: string;
  user_id: string;
  role: Role;
  created_at: number;
}

export interface InvitesTable {
  id: string;
  team_id: string;
  role: Role;
  token_hash: Bytes;
  created_by: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  used_by: string | null;
  revoked_at: number | null;
  /** The address the invitation was mailed to. */
  sent_to: string | null;
}

export interface AuditEventsTable {
  id: Generated<number>;
  team_id: string | null;
  actor_id: string | null;
  action: string;
  /** JSON object. */
  details: Generated<string>;
  created_at: number;
}

/** Immutable once inserted (a trigger refuses updates). */
export interface TemplateVersionsTable {
  id: string;
  /** Shared by all versions of one ontwikkelpad: the draft document's id, or `voorbeeld:<seed>`. */
  template_key: string;
  team_id: string;
  draft_doc_id: string | null;
  major: number;
  minor: number;
  title: string;
  kind: TemplateKind;
  /** Comma-separated sectors (po,vo,mbo), for filtering. */
  sectors: string;
  nlqf_level: number | null;
  /** JSON TemplateContent. */
  content: string;
  change_note: string;
  example: Generated<IntBoolean>;
  published_by: string | null;
  published_at: number;
}

export interface TemplateDraftsTable {
  doc_id: string;
  template_key: string;
  based_on_version_id: string | null;
}

export interface DesignsTable {
  doc_id: string;
  template_version_id: string;
  status: Generated<DesignStatus>;
  /** The document this design was reused from. */
  based_on: string | null;
  /** 'bestaand': existing offer, entered at interne toetsing. */
  origin: Generated<DesignOrigin>;
}

export interface TrajectsTable {
  id: string;
  team_id: string;
  template_version_id: string;
  title: string;
  created_by: string | null;
  created_at: number;
  updated_at: number;
  status: Generated<DesignStatus>;
}

export interface TrajectItemsTable {
  traject_id: string;
  design_doc_id: string;
  position: number;
  /** Items sharing a label are horizontal alternatives. */
  alternative_group: string | null;
  /** Set (to design_doc_id) for another team's design, included through its publication. */
  publication_id: string | null;
}

/** Immutable, except author_id set to null when an account is deleted. */
export interface DocumentVersionsTable {
  id: string;
  doc_id: string;
  label: string;
  note: string | null;
  author_id: string | null;
  created_at: number;
  /** The lifecycle status at that moment; null for documents without a lifecycle. */
  status: string | null;
  /** Full Yjs state. */
  state: Bytes;
  /** JSON projection of the document. */
  json: string;
  /** sha-256 of the state's snapshot (state vector and delete set); null for older versions. */
  state_hash: string | null;
  /** Bytes of state and projection, set at insert (measured once for older versions). */
  bytes: Generated<number>;
  /** 1: recorded automatically while people edited (may be thinned); 0: named. */
  auto: Generated<IntBoolean>;
  /** Automatic versions: JSON array of the ids of the people whose edits it holds. */
  authors: string | null;
}

export interface DesignTransitionsTable {
  id: Generated<number>;
  doc_id: string;
  from_status: string;
  to_status: string;
  outcome: InternalOutcome | null;
  note: string | null;
  actor_id: string | null;
  created_at: number;
}

export interface DesignPublicationsTable {
  doc_id: string;
  /** JSON projection frozen at approval. */
  projection: string;
  state: Bytes;
  approved_by: string | null;
  approved_at: number;
}

export interface FeedbackRoundsTable {
  id: string;
  doc_id: string;
  version_id: string;
  title: string;
  description: Generated<string>;
  deadline: number;
  /** JSON Criterion[]. */
  criteria: string;
  status: Generated<RoundStatus>;
  created_by: string | null;
  created_at: number;
  closed_at: number | null;
  closed_by: string | null;
  completed_at: number | null;
  completed_by: string | null;
}

export interface RoundTeamsTable {
  round_id: string;
  team_id: string;
  invited_by: string | null;
  invited_at: number;
  /** Null while the request waits for an owner of the invited team. */
  accepted_at: number | null;
}

export interface RoundLinksTable {
  id: string;
  round_id: string;
  token_hash: Bytes;
  label: Generated<string>;
  created_by: string | null;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
  /** The address the invitation was mailed to. */
  sent_to: string | null;
}

export interface RoundReviewersTable {
  round_id: string;
  user_id: string;
  link_id: string | null;
  joined_at: number;
}

export interface RoundResponsesTable {
  id: string;
  round_id: string;
  user_id: string | null;
  criterion_id: string;
  /** 1–4. */
  score: number | null;
  text: Generated<string>;
  updated_at: number;
}

export interface RoundSubmissionsTable {
  round_id: string;
  user_id: string;
  submitted_at: number;
}

/** Whom a reviewer speaks for in a round (rule R13). */
export interface RoundPerspectivesTable {
  round_id: string;
  user_id: string;
  perspective: ReviewerPerspective;
  updated_at: number;
}

/** A thread is its first message (thread_id = id) and its replies. */
export interface CommentsTable {
  id: string;
  thread_id: string;
  doc_id: string;
  round_id: string | null;
  author_id: string | null;
  body: string;
  /** Thread roots only: JSON anchor; null is the document as a whole. */
  anchor: string | null;
  created_at: number;
  edited_at: number | null;
  deleted_at: number | null;
  /** Thread roots only. */
  resolved_at: number | null;
  resolved_by: string | null;
  carried_from_round: string | null;
  carried_from_thread: string | null;
}

export interface RoundTriageTable {
  round_id: string;
  item_kind: 'comment' | 'response';
  /** Thread id (comment) or response id. */
  item_id: string;
  decision: TriageDecision;
  reason: string;
  version_id: string | null;
  decided_by: string | null;
  decided_at: number;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: string;
  kind: string;
  text: string;
  link: string;
  actor_id: string | null;
  doc_id: string | null;
  created_at: number;
  read_at: number | null;
  /** The message it is about (its mail quotes the first lines). */
  comment_id: string | null;
  /** When it was mailed, put in a digest or skipped (mail off); null: not yet. */
  mailed_at: number | null;
}

export interface TrajectTransitionsTable {
  id: Generated<number>;
  traject_id: string;
  from_status: string;
  to_status: string;
  outcome: InternalOutcome | null;
  note: string | null;
  actor_id: string | null;
  created_at: number;
}

/** Immutable, except author_id set to null when an account is deleted. */
export interface TrajectVersionsTable {
  id: string;
  traject_id: string;
  label: string;
  note: string | null;
  author_id: string | null;
  created_at: number;
  status: string;
  /** JSON snapshot of the traject. */
  json: string;
}

export interface TrajectPublicationsTable {
  traject_id: string;
  /** JSON projection frozen at approval. */
  projection: string;
  approved_by: string | null;
  approved_at: number;
}

/** A password-reset link's token, stored only as its SHA-256; single use. */
export interface PasswordResetsTable {
  id: string;
  user_id: string;
  token_hash: Bytes;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** Sessions another process ended; running servers close their sockets (server/auth/sessionEnds.ts). */
export interface SessionEndsTable {
  id: Generated<number>;
  session_id: string;
  reason: string;
  created_at: number;
}

/** One searchable thing (migration 021); PostgreSQL also has a generated `tsv`, SQLite the FTS5 `search_fts`. */
export interface SearchEntriesTable {
  id: Generated<number>;
  entry_key: string;
  kind: string;
  ref_id: string;
  doc_id: string | null;
  visibility: 'team' | 'public';
  team_id: string | null;
  title: string;
  body: string;
  source_at: number;
}

/** A published ontwikkelpad version set vastgesteld (migration 018); established_by NULL: by the migration. */
export interface TemplateEstablishmentsTable {
  version_id: string;
  established_by: string | null;
  established_at: number;
}

/** Append-only history of a team's licence choice; the latest row is current. */
export interface TeamLicensesTable {
  id: Generated<number>;
  team_id: string;
  license: License;
  chosen_by: string | null;
  chosen_at: number;
}

/** The traject owner's record that the agreement with another provider (001 l.283) was made. */
export interface TrajectAgreementsTable {
  traject_id: string;
  design_doc_id: string;
  confirmed_by: string | null;
  confirmed_at: number;
}

/** A team's EVC procedure (migration 019); one row per team that wrote one. */
export interface EvcProceduresTable {
  team_id: string;
  recognition: string;
  coverage: string;
  follow_up: string;
  updated_at: number;
}

/** One submission of a design to a toetsingscommissie and its decision. */
export interface ReviewAssignmentsTable {
  id: string;
  doc_id: string;
  review_team_id: string;
  version_id: string | null;
  /** JSON criteria of the committee's frame at submission. */
  criteria: string;
  submitted_by: string | null;
  submitted_at: number;
  state: Generated<AssignmentState>;
  report: string | null;
  decided_by: string | null;
  decided_at: number | null;
}

/** A reviewer's judgement on one criterion of an assignment. */
export interface ReviewJudgementsTable {
  assignment_id: string;
  criterion_id: string;
  verdict: Verdict;
  note: Generated<string>;
  judged_by: string | null;
  judged_at: number;
  addressed_by: string | null;
  addressed_at: number | null;
}

/** A committee's own quality frame. */
export interface QualityFramesTable {
  team_id: string;
  /** JSON criteria. */
  criteria: string;
  updated_by: string | null;
  updated_at: number;
}

/** Mail waiting to be sent, or sent (bodies blanked): server/mail/sender.ts. */
export interface MailOutboxTable {
  id: Generated<number>;
  kind: string;
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string;
  /** JSON object of extra headers. */
  headers: Generated<string>;
  created_at: number;
  next_attempt_at: number;
  expires_at: number;
  attempts: Generated<number>;
  claimed_until: number | null;
  sent_at: number | null;
  failed_at: number | null;
  last_error: string | null;
}

/** A person's notification-mail choice. */
export interface MailPreferencesTable {
  user_id: string;
  email_notifications: Generated<'immediately' | 'daily' | 'off'>;
}

/** Keys of signed mail links, by use (`unsubscribe`). */
export interface MailKeysTable {
  name: string;
  secret: Bytes;
}

/** Rounds whose 48-hours-left notice went out. */
export interface RoundDeadlineNoticesTable {
  round_id: string;
  created_at: number;
}
