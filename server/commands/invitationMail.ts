import type { MailLanguage } from '../../shared/domain/mail';
import type { AppDeps } from '../deps';
import { roundInviteMail, teamInviteMail } from '../mail/messages';
import { renderMail } from '../mail/template';

type Deps = Pick<AppDeps, 'stores' | 'transaction' | 'mail'>;

/** Where and how an invitation goes by mail; no `email` (or mail off): it is not mailed. */
export interface InvitationMail {
  email?: string | undefined;
  /** The inviter's choice; Dutch by default. */
  language?: MailLanguage | undefined;
}

/**
 * Mails a new team invite's link and records the address, in one transaction; resolves with the
 * address ("verstuurd naar …"), or null when nothing was mailed.
 */
export async function mailTeamInvite(
  deps: Deps,
  invite: { id: string; teamId: string; inviterId: string; url: string; expiresAt: string },
  mail: InvitationMail,
): Promise<string | null> {
  const email = mail.email;
  if (!email || !deps.mail.enabled) return null;
  const team = await deps.stores.teams.get(invite.teamId);
  const inviterName = await deps.stores.users.displayName(invite.inviterId);
  const content = teamInviteMail(mail.language ?? 'nl', {
    inviterName,
    teamName: team?.name ?? '',
    url: invite.url,
    expiresAt: new Date(invite.expiresAt),
  });
  await deps.transaction(async (tx) => {
    await tx.stores.sentInvitations.teamInvite(invite.id, email);
    await tx.stores.mailOutbox.enqueue({
      kind: 'team_invite',
      to: email,
      ...renderMail(content),
      expiresAt: Date.parse(invite.expiresAt),
    });
  });
  deps.mail.kick();
  return email;
}

/** Mails a new reviewer link of a feedback round and records the address; null when not mailed. */
export async function mailRoundLink(
  deps: Deps,
  link: { id: string; roundId: string; inviterId: string; url: string; expiresAt: string },
  mail: InvitationMail,
): Promise<string | null> {
  const email = mail.email;
  if (!email || !deps.mail.enabled) return null;
  const round = await deps.stores.rounds.round(link.roundId);
  const document = round ? await deps.stores.documents.get(round.doc_id) : undefined;
  const content = roundInviteMail(mail.language ?? 'nl', {
    inviterName: await deps.stores.users.displayName(link.inviterId),
    roundTitle: round?.title ?? '',
    documentTitle: document?.title ?? '',
    url: link.url,
  });
  await deps.transaction(async (tx) => {
    await tx.stores.sentInvitations.roundLink(link.id, email);
    await tx.stores.mailOutbox.enqueue({
      kind: 'round_invite',
      to: email,
      ...renderMail(content),
      expiresAt: Date.parse(link.expiresAt),
    });
  });
  deps.mail.kick();
  return email;
}
