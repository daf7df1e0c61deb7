import { combineCatalogs } from './catalogs';
import { enErrors } from './enErrors';
import { enComments } from './enComments';
import { enDesigns } from './enDesigns';
import { enTemplates } from './enTemplates';
import { enRounds } from './enRounds';
import { enAuth } from './enAuth';
import { enMail } from './enMail';
import { enTrajects } from './enTrajects';
import { enVersions } from './enVersions';
import { enSearch } from './enSearch';
import { enMargin } from './enMargin';
import { enOutline } from './enOutline';
import { enWelcome } from './enWelcome';
import { enExample } from './enExample';
import { enQuality } from './enQuality';
import { enFrames } from './enFrames';
import { enCertificates } from './enCertificates';
import { enReview } from './enReview';
import type { AppMessageKey, Messages } from './nl';

/** English messages of the app shell; the type forces exactly the keys of `nlApp`. */
export const enApp: Record<AppMessageKey, string> = {
  'app.name': 'Werkplaats',
  'app.skipToContent': 'Skip to content',
  'app.homeLink': 'Werkplaats — go to My teams',
  'app.loading': 'Loading…',

  'language.groupLabel': 'Language',
  'language.nl': 'NL — Nederlands',
  'language.en': 'EN — English',

  'common.retry': 'Try again',
  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.creating': 'Creating…',
  'common.optional': 'Optional',
  'common.breadcrumb': 'Breadcrumb',
  'common.toMyTeams': 'To My teams',

  'header.userMenu': 'Account',
  'header.signedInAs': 'Signed in as',
  'header.myTeams': 'My teams',
  'header.account': 'My account',
  'header.logout': 'Log out',
  'header.login': 'Log in',
  'header.signup': 'Sign up',

  'role.owner': 'owner',
  'role.editor': 'editor',
  'role.commenter': 'commenter',
  'role.viewer': 'viewer',
  'teamKind.atelier': 'atelier',
  'teamKind.cocreatieteam': 'co-creation team',

  'error.title': 'Something went wrong',
  'error.body': 'This page could not be shown. Reload the page; your changes are kept on this device.',
  'error.reload': 'Reload page',
  'error.network': 'No connection to the server. Check your internet connection and try again.',
  'error.unknown': 'Something went wrong ({status}). Please try again.',

  'signup.pageTitle': 'Sign up',
  'signup.heading': 'Create an account',
  'signup.intro': 'With an account you work with your team on leerarrangementen and ontwikkelpaden.',
  'signup.name': 'Name',
  'signup.email': 'Email address',
  'signup.password': 'Password',
  'signup.passwordRule':
    'At least {min} characters. A sentence of a few words is strong and easy to remember.',
  'signup.submit': 'Create account',
  'signup.submitting': 'Creating…',
  'signup.haveAccount': 'Already have an account?',
  'signup.toLogin': 'Log in',

  'login.pageTitle': 'Log in',
  'login.heading': 'Log in',
  'login.needed': 'Log in to continue.',
  'login.accountDeleted': 'Your account has been deleted.',
  'login.email': 'Email address',
  'login.password': 'Password',
  'login.passwordMissing': 'Enter your password',
  'login.submit': 'Log in',
  'login.submitting': 'Logging in…',
  'login.noAccount': 'No account yet?',
  'login.toSignup': 'Create an account',

  'home.pageTitle': 'My teams',
  'home.heading': 'My teams',
  'home.teamsHeading': 'Teams you are a member of',
  'home.loading': 'Loading teams…',
  'home.empty': 'You are not in a team yet. Create a team below, or ask an owner for an invite link.',
  'home.recentHeading': 'Recent documents',
  'home.documentsLoading': 'Loading documents…',
  'home.noDocuments': 'There are no documents in your teams yet.',

  'team.kind': 'Kind',
  'team.lab': 'Co-creatielab',
  'team.consortium': 'Educatief Consortium',
  'team.myRole': 'Your role',
  'team.storage': 'Storage: {used} of {quota}',
  'team.loading': 'Loading team…',
  'team.notFound': 'Team not found',
  'team.noAccess': 'No access to this team',

  'newTeam.heading': 'New team',
  'newTeam.name': 'Team name',
  'newTeam.kind': 'Kind of team',
  'newTeam.kindHint':
    'An atelier writes ontwikkelpaden; a co-creation team designs leerarrangementen in a co-creatielab.',
  'newTeam.lab': 'Co-creatielab',
  'newTeam.consortium': 'Educatief Consortium',
  'newTeam.submit': 'Create team',

  'teamEdit.open': 'Edit team details',
  'teamEdit.heading': 'Edit team details',
  'teamEdit.saved': 'Team details saved.',

  'teamDocs.heading': 'Documents',
  'teamDocs.empty': 'This team has no documents yet.',
  'teamDocs.emptyCanCreate': 'This team has no documents yet. Create the first one below.',

  'document.untitled': 'Untitled document',
  'document.updatedAt': 'Last changed',

  'newDocument.heading': 'New document',
  'newDocument.titleLabel': 'Title',
  'newDocument.titleHint': 'Optional — you can change the title later.',
  'newDocument.submit': 'Create new document',

  'members.heading': 'Members',
  'members.loading': 'Loading members…',
  'members.you': '{name} (you)',
  'members.roleOf': 'Role of {name}',
  'members.saveRole': 'Save role',
  'members.forName': 'for {name}',
  'members.remove': 'Remove from team',
  'members.confirmRemoveLabel': 'Remove {name}',
  'members.confirmRemove': 'Are you sure you want to remove {name} from the team?',
  'members.confirmRemoveYes': 'Yes, remove',
  'members.roleChanged': '{name} is now {role}.',
  'members.removed': '{name} was removed from the team.',
  'members.added': '{email} was added as {role}.',

  'addMember.heading': 'Add member',
  'addMember.hint': 'For someone who already has an account. Otherwise: create an invite link below.',
  'addMember.email': 'Email address',
  'addMember.role': 'Role',
  'addMember.submit': 'Add member',

  'invites.heading': 'Invite with a link',
  'invites.hint':
    'An invite link works once. Whoever opens it can create an account and joins with the chosen role.',
  'invites.role': 'Role for whoever uses the link',
  'invites.days': 'Valid (days)',
  'invites.daysRule': 'Choose 1 to 30 days',
  'invites.submit': 'Create invite link',
  'invites.created': 'Invite link created (role: {role}). Copy it now: the link is shown only once.',
  'invites.link': 'Invite link',
  'invites.listHeading': 'Invites',
  'invites.createdAt': 'Created',
  'invites.expiresAt': 'valid until',
  'invites.expiredAt': 'expired on',
  'invites.status.open': 'open',
  'invites.status.used': 'used',
  'invites.status.revoked': 'revoked',
  'invites.status.expired': 'expired',
  'invites.revoke': 'Revoke',
  'invites.revokeWhich': '(invite as {role}, created {date})',
  'invites.revoked': 'The invite was revoked.',

  'copy.button': 'Copy link',
  'copy.done': 'Copied.',
  'copy.manual':
    'Copying did not work automatically. The link is selected: copy it with Ctrl+C (Cmd+C on a Mac).',

  'reviewRequests.heading': 'Feedback requests',
  'reviewRequests.hint': 'Other teams ask your team for feedback. Members hear of it only after you accept.',
  'reviewRequests.none': 'No open requests.',
  'reviewRequests.item':
    '{requester} ({team}) asks for feedback on "{document}" ({round}), until {deadline}.',
  'reviewRequests.accept': 'Accept',
  'reviewRequests.decline': 'Decline',
  'reviewRequests.declineQuestion':
    'Decline the request for feedback on "{document}"? The requester is told.',
  'reviewRequests.declineYes': 'Yes, decline',
  'reviewRequests.accepted': 'Accepted: the members have been invited to "{document}".',
  'reviewRequests.declined': 'The request for "{document}" was declined.',
  'leave.heading': 'Leave team',
  'leave.button': 'Leave team',
  'leave.confirm': 'Are you sure you want to leave this team? You lose access to its documents.',
  'leave.confirmYes': 'Yes, leave team',

  'audit.heading': 'Audit log',
  'audit.loading': 'Loading audit log…',
  'audit.empty': 'Nothing recorded yet.',
  'audit.someone': 'someone',
  'audit.formerMember': 'a former member',
  'audit.unknown': '{actor}: {action}',
  'audit.auth.signup': '{actor} created an account',
  'audit.auth.login': '{actor} logged in',
  'audit.auth.login_failed': 'Failed login attempt for the account of {actor}',
  'audit.auth.logout': '{actor} logged out',
  'audit.auth.password_changed': '{actor} changed their password',
  'audit.account.exported': '{actor} downloaded their data',
  'audit.account.deleted': '{actor} deleted their account',
  'audit.team.created': '{actor} created the team',
  'audit.team.updated': '{actor} changed the team details',
  'audit.member.added': '{actor} added {subject} as {role}',
  'audit.member.role_changed': '{actor} changed the role of {subject} from {previousRole} to {role}',
  'audit.member.removed': '{actor} removed {subject} from the team',
  'audit.member.left': '{actor} left the team',
  'audit.round.link_revoked':
    '{actor} revoked a feedback link; whoever joined through it is no longer a reviewer',
  'audit.round.reviewer_removed': '{actor} removed a reviewer from a feedback round',
  'audit.round.request_accepted': '{actor} accepted another team’s request for feedback',
  'audit.round.request_declined': '{actor} declined another team’s request for feedback',
  'audit.invite.created': '{actor} created an invite link as {role}, valid for {days} days',
  'audit.invite.revoked': '{actor} revoked an invite link',
  'audit.invite.accepted': '{actor} accepted an invite and joined as {role}',
  'audit.document.created': '{actor} created the document “{title}”',

  'invite.pageTitle': 'Invite',
  'invite.loading': 'Loading invite…',
  'invite.unavailableHeading': 'Invite not available',
  'invite.heading': 'Invite to {team}',
  'invite.team': 'Team',
  'invite.role': 'Your role',
  'invite.expires': 'Valid until',
  'invite.unusable': 'This invite can no longer be used.',
  'invite.signedInAs': 'You are logged in as {name}.',
  'invite.accept': 'Accept invite',
  'invite.needAccount': 'To accept the invite you need an account. Afterwards you come back to this page.',
  'invite.signup': 'Create account',
  'invite.login': 'Log in',

  'account.pageTitle': 'My account',
  'account.heading': 'My account',
  'account.signedInAs': 'You are logged in with {email}.',
  'account.nameHeading': 'Change name',
  'account.name': 'Name',
  'account.nameHint': 'This is how others see you in documents, member lists and the audit log.',
  'account.saveName': 'Save name',
  'account.nameSaved': 'Your name was saved.',
  'account.passwordHeading': 'Change password',
  'account.currentPassword': 'Current password',
  'account.currentPasswordMissing': 'Enter your current password',
  'account.newPassword': 'New password',
  'account.changePassword': 'Change password',
  'account.passwordChanged':
    'Your password was changed. Your other sessions were ended: on other devices and browsers you need to log in again.',
  'account.exportHeading': 'Download my data',
  'account.exportBody':
    'Download everything Werkplaats keeps about you (account, teams, sessions, activity) as a JSON file.',
  'account.exportLink': 'Download my data (JSON)',
  'account.deleteHeading': 'Delete account',
  'account.deleteBody':
    'Your name and email address are removed. What you wrote in documents stays, attributed to “verwijderde gebruiker” (deleted user). Teams where you are the only member are deleted too.',
  'account.deleteOpen': 'Delete account…',
  'account.deleteConfirm': 'This cannot be undone. Confirm with your password.',
  'account.deletePassword': 'Password',
  'account.deletePasswordMissing': 'Enter your password to confirm',
  'account.deleteSubmit': 'Delete account permanently',

  'notFound.pageTitle': 'Not found',
  'notFound.heading': 'Document not found',
  'notFound.body': 'This document does not exist (any more), or the link was not copied completely.',
  'notFound.pageHeading': 'Page not found',
  'notFound.pageBody': 'There is no page at this address.',

  'editor.team': 'Team',
  'editor.titleLabel': 'Title',
  'editor.loading': 'Loading document…',
  'editor.noSections': 'This document has no sections yet.',
  'editor.tooDeep':
    'This text is nested too deeply to show ({depth} levels, the maximum is {max}). Restore an earlier version under Versions.',
  'editor.presenceLabel': 'In this document now',
  'editor.presenceYou': '{name} (you)',
  'editor.anonymous': 'Anonymous',
  'editor.readOnlyBanner': 'You are viewing this document as {role} — you cannot edit.',
  'editor.sessionEnded':
    'Your session has ended (logged out, password changed or expired). Log in again to continue.',
  'editor.loginAgain': 'Log in again',
  'editor.accessWithdrawn':
    'You no longer have access to this document: you were removed from the team or your role changed.',
  'editor.documentTooLarge':
    'This document is too large: your last change was not saved. Reload the page and remove content or split the text over more documents.',
  'editor.reload': 'Reload page',
  'editor.noAccessHeading': 'No access to this document',
  'editor.noAccessBody':
    'This document belongs to a team you are not a member of. Ask an owner of the team for an invite link.',

  'status.connecting': 'Connecting…',
  'status.saved': 'Saved',
  'status.saving': 'Saving…',
  'status.offline': 'Offline — your changes are kept',
  'status.offlineReadOnly': 'Offline',
  'status.readOnly': 'Read only — updated live',
  'status.sessionEnded': 'Session ended',
  'status.accessWithdrawn': 'No access any more',
  'status.documentTooLarge': 'Document too large',

  'toolbar.label': 'Formatting for {section}',
  'toolbar.bold': 'Bold',
  'toolbar.italic': 'Italic',
  'toolbar.heading': 'Subheading H{level}',
  'toolbar.bulletList': 'Bulleted list',
  'toolbar.orderedList': 'Numbered list',
  'toolbar.undo': 'Undo',
  'toolbar.redo': 'Redo',
  'toolbar.link': 'Link (Ctrl+K)',
  'link.form': 'Link',
  'link.address': 'Link address',
  'link.hint': 'A web address (www.…) or an e-mail address.',
  'link.invalid': 'This is not a web or e-mail address. For example: www.slo.nl or name@school.nl.',
  'link.apply': 'Apply link',
  'link.remove': 'Remove link',
  'link.cancel': 'Cancel',
};

/** Every English message; the type forces exactly the keys of `nl`. */
export const en: Messages = combineCatalogs(
  enApp,
  enTemplates,
  enDesigns,
  enVersions,
  enReview,
  enComments,
  enRounds,
  enTrajects,
  enFrames,
  enAuth,
  enMail,
  enErrors,
  enSearch,
  enWelcome,
  enExample,
  enQuality,
  enCertificates,
  enMargin,
  enOutline,
);
