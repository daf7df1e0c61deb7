import type { Database } from './db/database';
import type { Env } from './env';
import type { Limiters } from './auth/limiters';
import type { Metrics } from './metrics';
import type { SessionService, Session } from './auth/sessions';
import type { RoomRegistry } from './collab/rooms';
import type { AuditStore } from './stores/audit';
import type { DocStorage } from './stores/docStorage';
import type { DocumentStore } from './stores/documents';
import type { InviteStore } from './stores/invites';
import type { SessionStore } from './stores/sessions';
import type { TeamStore } from './stores/teams';
import type { TemplateVersionStore } from './stores/templateVersions';
import type { TemplateDraftStore } from './stores/templateDrafts';
import type { DesignStore } from './stores/designs';
import type { RoundStore } from './stores/rounds';
import type { LifecycleStore } from './stores/lifecycle';
import type { User, UserStore } from './stores/users';
import type { WorkerPool } from './workers/pool';
import type { MailService } from './mail/service';

/** Every table's store. */
export interface Stores {
  documents: DocumentStore;
  docStorage: DocStorage;
  users: UserStore;
  sessions: SessionStore;
  passwordResets: import('./stores/passwordResets').PasswordResetStore;
  sessionEnds: import('./stores/sessionEnds').SessionEndStore;
  teams: TeamStore;
  invites: InviteStore;
  audit: AuditStore;
  templateVersions: TemplateVersionStore;
  templateDrafts: TemplateDraftStore;
  designs: DesignStore;
  lifecycle: LifecycleStore;
  versions: import('./stores/versions').VersionStore;
  storageUsage: import('./stores/storageUsage').StorageUsageStore;
  rounds: RoundStore;
  trajectLifecycle: import('./stores/trajectLifecycle').TrajectLifecycleStore;
  search: import('./search/searchStore').SearchStore;
  templateEstablishments: import('./stores/templateEstablishments').TemplateEstablishmentStore;
  teamLicenses: import('./stores/teamLicenses').TeamLicenseStore;
  trajectAgreements: import('./stores/trajectAgreements').TrajectAgreementStore;
  evcProcedures: import('./stores/evcProcedures').EvcProcedureStore;
  reviews: import('./stores/reviews').ReviewStore;
  mailOutbox: import('./stores/mailOutbox').MailOutboxStore;
  mailPreferences: import('./stores/mailPreferences').MailPreferenceStore;
  mailNotifications: import('./stores/mailNotifications').MailNotificationStore;
  deadlineNotices: import('./stores/deadlineNotices').DeadlineNoticeStore;
  sentInvitations: import('./stores/sentInvitations').SentInvitationStore;
}

/** What routes and the sync server need, created once at boot. */
export interface AppDeps {
  env: Env;
  /** The engine; queries go through `stores`, `transaction` opens a transaction. */
  database: Database;
  stores: Stores;
  sessions: SessionService;
  rooms: RoomRegistry;
  /** This instance's membership of a cluster (REDIS_URL); undefined when it runs alone. */
  cluster?: { readonly healthy: boolean };
  /** Login and sign-up limits; shared through Redis in a cluster (server/auth/limiters.ts). */
  limiters: Limiters;
  /** Threads for CPU-heavy requests (diff, exports): server/workers/pool.ts. */
  workers: WorkerPool;
  /** The Prometheus registry and the series routes and commands count into. */
  metrics: Metrics;
  /** E-mail: whether it is on, and the outbox job to kick after queueing (server/mail/service.ts). */
  mail: MailService;
  /**
   * Runs `fn` in one transaction with deps bound to it (committed when it resolves, rolled back when
   * it throws). Inside, use only `tx` — the root `stores` would wait for the transaction (SQLite)
   * or run outside it (PostgreSQL), and are refused. Never await anything but queries inside.
   */
  transaction<T>(fn: (tx: AppDeps) => Promise<T>): Promise<T>;
}

/** The signed-in user of a request. */
export interface Auth {
  user: User;
  session: Session;
}

/** Hono environment of every sub-app: `c.var.auth` is set by the session middleware. */
export interface AppEnv {
  Variables: { auth: Auth | null };
}
