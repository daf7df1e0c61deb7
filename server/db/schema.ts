import type { Generated } from 'kysely';

// The tables after every migration, as Kysely sees them: snake_case as in SQL, ms timestamps and
// ids as numbers (the pg pool parses int8), bytes as Uint8Array (Buffer on reads).

export interface AuditEventsTable {
  id: Generated<number>;
  team_id: string | null;
  actor_id: string | null;
  action: string;
  details: Generated<string>;
  created_at: number;
}

export interface CommentsTable {
  id: string;
  thread_id: string;
  doc_id: string;
  round_id: string | null;
  author_id: string | null;
  body: string;
  anchor: string | null;
  created_at: number;
  edited_at: number | null;
  deleted_at: number | null;
  resolved_at: number | null;
  resolved_by: string | null;
  carried_from_round: string | null;
  carried_from_thread: string | null;
}

export interface DesignPublicationsTable {
  doc_id: string;
  projection: string;
  state: Uint8Array;
  approved_by: string | null;
  approved_at: number;
}

export interface DesignTransitionsTable {
  id: Generated<number>;
  doc_id: string;
  from_status: string;
  to_status: string;
  outcome: string | null;
  note: string | null;
  actor_id: string | null;
  created_at: number;
}

export interface DesignsTable {
  doc_id: string;
  template_version_id: string;
  status: Generated<string>;
  based_on: string | null;
}

export interface DocStateTable {
  doc_id: string;
  state: Uint8Array;
  state_vector: Uint8Array;
  updated_at: number;
}

export interface DocUpdatesTable {
  id: Generated<number>;
  doc_id: string;
  data: Uint8Array;
  created_at: number;
}

export interface DocUpdatesQuarantineTable {
  id: Generated<number>;
  doc_id: string;
  data: Uint8Array;
  created_at: number;
  reason: string;
  quarantined_at: number;
}

export interface DocumentVersionsTable {
  id: string;
  doc_id: string;
  label: string;
  note: string | null;
  author_id: string | null;
  created_at: number;
  status: string | null;
  state: Uint8Array;
  json: string;
}

export interface DocumentsTable {
  id: string;
  title: string;
  created_at: number;
  updated_at: number;
  team_id: string | null;
  created_by: string | null;
  kind: Generated<string>;
}

export interface FeedbackRoundsTable {
  id: string;
  doc_id: string;
  version_id: string;
  title: string;
  description: Generated<string>;
  deadline: number;
  criteria: string;
  status: Generated<string>;
  created_by: string | null;
  created_at: number;
  closed_at: number | null;
  closed_by: string | null;
  completed_at: number | null;
  completed_by: string | null;
}

export interface InvitesTable {
  id: string;
  team_id: string;
  role: string;
  token_hash: Uint8Array;
  created_by: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  used_by: string | null;
  revoked_at: number | null;
}

export interface MembershipsTable {
  team_id: string;
  user_id: string;
  role: string;
  created_at: number;
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
}

export interface RoundLinksTable {
  id: string;
  round_id: string;
  token_hash: Uint8Array;
  label: Generated<string>;
  created_by: string | null;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}

export interface RoundResponsesTable {
  id: string;
  round_id: string;
  user_id: string | null;
  criterion_id: string;
  score: number | null;
  text: Generated<string>;
  updated_at: number;
}

export interface RoundReviewersTable {
  round_id: string;
  user_id: string;
  link_id: string | null;
  joined_at: number;
}

export interface RoundSubmissionsTable {
  round_id: string;
  user_id: string;
  submitted_at: number;
}

export interface RoundTeamsTable {
  round_id: string;
  team_id: string;
  invited_by: string | null;
  invited_at: number;
}

export interface RoundTriageTable {
  round_id: string;
  item_kind: string;
  item_id: string;
  decision: string;
  reason: string;
  version_id: string | null;
  decided_by: string | null;
  decided_at: number;
}

export interface SchemaMigrationsTable {
  version: Generated<number>;
  name: string;
  applied_at: number;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  secret_hash: Uint8Array;
  created_at: number;
  last_active_at: number;
}

export interface TeamsTable {
  id: string;
  name: string;
  kind: string;
  lab_name: string | null;
  consortium_name: string | null;
  created_at: number;
}

export interface TemplateDraftsTable {
  doc_id: string;
  template_key: string;
  based_on_version_id: string | null;
}

export interface TemplateVersionsTable {
  id: string;
  template_key: string;
  team_id: string;
  draft_doc_id: string | null;
  major: number;
  minor: number;
  title: string;
  kind: string;
  sectors: string;
  nlqf_level: number | null;
  content: string;
  change_note: string;
  example: Generated<number>;
  published_by: string | null;
  published_at: number;
}

export interface TrajectItemsTable {
  traject_id: string;
  design_doc_id: string;
  position: number;
  alternative_group: string | null;
  publication_id: string | null;
}

export interface TrajectPublicationsTable {
  traject_id: string;
  projection: string;
  approved_by: string | null;
  approved_at: number;
}

export interface TrajectTransitionsTable {
  id: Generated<number>;
  traject_id: string;
  from_status: string;
  to_status: string;
  outcome: string | null;
  note: string | null;
  actor_id: string | null;
  created_at: number;
}

export interface TrajectVersionsTable {
  id: string;
  traject_id: string;
  label: string;
  note: string | null;
  author_id: string | null;
  created_at: number;
  status: string;
  json: string;
}

export interface TrajectsTable {
  id: string;
  team_id: string;
  template_version_id: string;
  title: string;
  created_by: string | null;
  created_at: number;
  updated_at: number;
  status: Generated<string>;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: number;
  deleted_at: number | null;
}

/** Every table of Werkplaats. */
export interface Database {
  audit_events: AuditEventsTable;
  comments: CommentsTable;
  design_publications: DesignPublicationsTable;
  design_transitions: DesignTransitionsTable;
  designs: DesignsTable;
  doc_state: DocStateTable;
  doc_updates: DocUpdatesTable;
  doc_updates_quarantine: DocUpdatesQuarantineTable;
  document_versions: DocumentVersionsTable;
  documents: DocumentsTable;
  feedback_rounds: FeedbackRoundsTable;
  invites: InvitesTable;
  memberships: MembershipsTable;
  notifications: NotificationsTable;
  round_links: RoundLinksTable;
  round_responses: RoundResponsesTable;
  round_reviewers: RoundReviewersTable;
  round_submissions: RoundSubmissionsTable;
  round_teams: RoundTeamsTable;
  round_triage: RoundTriageTable;
  schema_migrations: SchemaMigrationsTable;
  sessions: SessionsTable;
  teams: TeamsTable;
  template_drafts: TemplateDraftsTable;
  template_versions: TemplateVersionsTable;
  traject_items: TrajectItemsTable;
  traject_publications: TrajectPublicationsTable;
  traject_transitions: TrajectTransitionsTable;
  traject_versions: TrajectVersionsTable;
  trajects: TrajectsTable;
  users: UsersTable;
}
