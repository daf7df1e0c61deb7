import type { AuditEvent } from '../features/teams/teamsApi';
import type { MessageKey } from './nl';
import type { MessageParams } from './translate';
import { isRole, roleLabelKey } from './labels';

type Translate = (key: MessageKey, params?: MessageParams) => string;

const ACTION_KEYS: Record<string, MessageKey> = {
  'auth.signup': 'audit.auth.signup',
  'auth.login': 'audit.auth.login',
  'auth.login_failed': 'audit.auth.login_failed',
  'auth.logout': 'audit.auth.logout',
  'auth.password_changed': 'audit.auth.password_changed',
  'account.exported': 'audit.account.exported',
  'account.deleted': 'audit.account.deleted',
  'team.created': 'audit.team.created',
  'team.updated': 'audit.team.updated',
  'team.evc_updated': 'audit.team.evc_updated',
  'member.added': 'audit.member.added',
  'member.role_changed': 'audit.member.role_changed',
  'member.removed': 'audit.member.removed',
  'invite.created': 'audit.invite.created',
  'invite.revoked': 'audit.invite.revoked',
  'invite.accepted': 'audit.invite.accepted',
  'document.created': 'audit.document.created',
  'template.draft_created': 'audit.template.draft_created',
  'template.published': 'audit.template.published',
  'template.established': 'audit.template.established',
  'team.license_changed': 'audit.team.license_changed',
  'traject.agreement_changed': 'audit.traject.agreement_changed',
  'round.link_revoked': 'audit.round.link_revoked',
  'round.reviewer_removed': 'audit.round.reviewer_removed',
};

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

/**
 * One audit event as a readable sentence ("Anna heeft Bram toegevoegd als bewerker"). The trail
 * names only the actor; the person acted upon is looked up among current members (`memberNames`),
 * otherwise described generically.
 */
export function describeAuditEvent(
  event: AuditEvent,
  t: Translate,
  memberNames: Map<string, string>,
): string {
  const actor = text(event.actorName) ?? t('audit.someone');
  const details = event.details;
  const subjectId = text(details['userId']);
  const subject =
    (subjectId && memberNames.get(subjectId)) ?? (subjectId ? t('audit.formerMember') : t('audit.someone'));
  const roleName = (value: unknown) => (isRole(value) ? t(roleLabelKey(value)) : '?');
  const params: MessageParams = {
    actor,
    subject,
    role: roleName(details['role']),
    previousRole: roleName(details['previousRole']),
    title: text(details['title']) ?? t('document.untitled'),
    days: typeof details['expiresInDays'] === 'number' ? details['expiresInDays'] : 7,
    version: text(details['version']) ?? '?',
  };
  if (event.action === 'member.removed' && subjectId !== null && subjectId === event.actorId) {
    return t('audit.member.left', params);
  }
  if (event.action === 'round.team_request_answered') {
    return t(
      details['answer'] === 'accept' ? 'audit.round.request_accepted' : 'audit.round.request_declined',
      params,
    );
  }
  const key = ACTION_KEYS[event.action];
  return key ? t(key, params) : t('audit.unknown', { ...params, action: event.action });
}
