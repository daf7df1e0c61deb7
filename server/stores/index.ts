import type { Executor } from '../db/database';
import type { Stores } from '../deps';
import { createAuditStore } from './audit';
import { createDeadlineNoticeStore } from './deadlineNotices';
import { createDesignStore } from './designs';
import type { DocStorage } from './docStorage';
import { createDocumentStore } from './documents';
import { createInviteStore } from './invites';
import { createLifecycleStore } from './lifecycle';
import { createMailNotificationStore } from './mailNotifications';
import { createMailOutboxStore } from './mailOutbox';
import { createMailPreferenceStore } from './mailPreferences';
import { createRoundStore } from './rounds';
import { createSearchStore } from '../search/searchStore';
import { createReviewStore } from './reviews';
import { createPasswordResetStore } from './passwordResets';
import { createSentInvitationStore } from './sentInvitations';
import { createSessionEndStore } from './sessionEnds';
import { createSessionStore } from './sessions';
import { createStorageUsageStore } from './storageUsage';
import { createTeamStore } from './teams';
import { createTemplateDraftStore } from './templateDrafts';
import { createTemplateVersionStore } from './templateVersions';
import { createTrajectLifecycleStore } from './trajectLifecycle';
import { createUserStore } from './users';
import { createTemplateEstablishmentStore } from './templateEstablishments';
import { createTeamLicenseStore } from './teamLicenses';
import { createTrajectAgreementStore } from './trajectAgreements';
import { createEvcProcedureStore } from './evcProcedures';
import { createVersionStore } from './versions';

/**
 * Every table's store on one query handle: the root database, or a transaction (then every call
 * runs inside it). Stores are plain closures, so making a set per transaction costs nothing.
 */
export function createStores(db: Executor, docStorage: DocStorage): Stores {
  return {
    documents: createDocumentStore(db),
    docStorage,
    users: createUserStore(db),
    sessions: createSessionStore(db),
    passwordResets: createPasswordResetStore(db),
    sessionEnds: createSessionEndStore(db),
    teams: createTeamStore(db),
    invites: createInviteStore(db),
    audit: createAuditStore(db),
    templateVersions: createTemplateVersionStore(db),
    templateDrafts: createTemplateDraftStore(db),
    designs: createDesignStore(db),
    lifecycle: createLifecycleStore(db),
    versions: createVersionStore(db),
    storageUsage: createStorageUsageStore(db),
    rounds: createRoundStore(db),
    reviews: createReviewStore(db),
    trajectLifecycle: createTrajectLifecycleStore(db),
    search: createSearchStore(db),
    templateEstablishments: createTemplateEstablishmentStore(db),
    teamLicenses: createTeamLicenseStore(db),
    trajectAgreements: createTrajectAgreementStore(db),
    evcProcedures: createEvcProcedureStore(db),
    mailOutbox: createMailOutboxStore(db),
    mailPreferences: createMailPreferenceStore(db),
    mailNotifications: createMailNotificationStore(db),
    deadlineNotices: createDeadlineNoticeStore(db),
    sentInvitations: createSentInvitationStore(db),
  };
}
