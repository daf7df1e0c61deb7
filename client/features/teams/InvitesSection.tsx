import { useId, useRef, useState, type FormEvent } from 'react';
import type { Role } from '../../../shared/domain/roles';
import { createInviteBody } from '../../../shared/schemas/auth';
import { CopyField } from '../../ui/CopyField';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { RoleSelect } from './RoleSelect';
import { TextField } from '../../ui/TextField';
import { showErrorsAndFocus, zodFieldErrors, type FieldErrors } from '../../ui/fieldErrors';
import { toApiError, type ApiError } from '../../api/request';
import { createInvite, listInvites, revokeInvite, type CreatedInvite, type Invite } from './teamsApi';
import { useLoadable } from '../../api/useLoadable';
import { useDateTimeFormat } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import {
  InvitationMailFields,
  invitationMailBody,
  useInvitationMailStart,
} from '../auth/InvitationMailFields';
import { roleLabelKey } from '../../i18n/labels';
import { Link2 } from 'lucide-react';

const DEFAULT_DAYS = 7;
const FIELDS = ['role', 'expiresInDays', 'email'] as const;
type Field = (typeof FIELDS)[number];

type InviteStatus = 'open' | 'used' | 'revoked' | 'expired';

/** Where an invite stands now (outside the component: it reads the clock). */
function inviteStatus(invite: Invite): InviteStatus {
  if (invite.revokedAt) return 'revoked';
  if (invite.usedAt) return 'used';
  if (Date.parse(invite.expiresAt) <= Date.now()) return 'expired';
  return 'open';
}

/**
 * "Uitnodigen via link" (owners): a single-use link with a role and an expiry. The link is shown
 * once, right after it is made (the server keeps only a hash); the list shows every invite's state.
 */
export function InvitesSection({
  teamId,
  version,
  onChanged,
}: {
  teamId: string;
  version: number;
  onChanged: () => void;
}) {
  const t = useT();
  const headingId = useId();
  const invites = useLoadable(teamId, listInvites, version);
  const [created, setCreated] = useState<CreatedInvite | null>(null);

  return (
    <section className="page-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('invites.heading')}</h2>
      <div className="card">
        <p className="field__hint">{t('invites.hint')}</p>
        <NewInviteForm
          teamId={teamId}
          onCreated={(invite) => {
            setCreated(invite);
            onChanged();
          }}
        />
        <p role="status" className="status-line">
          {created ? t('invites.created', { role: t(roleLabelKey(created.role)) }) : ''}
          {created?.sentTo ? ` ${t('inviteMail.sentTo', { email: created.sentTo })}` : ''}
        </p>
        {created ? <CopyField label={t('invites.link')} value={created.url} testId="invite-link" /> : null}
      </div>
      {invites.state.status === 'error' ? <ErrorMessage error={invites.state.error} /> : null}
      {invites.state.status === 'ready' && invites.state.data.length > 0 ? (
        <InviteList teamId={teamId} invites={invites.state.data} onChanged={onChanged} />
      ) : null}
    </section>
  );
}

function NewInviteForm({
  teamId,
  onCreated,
}: {
  teamId: string;
  onCreated: (invite: CreatedInvite) => void;
}) {
  const t = useT();
  const formRef = useRef<HTMLFormElement>(null);
  const [role, setRole] = useState<Role>('editor');
  const [days, setDays] = useState(String(DEFAULT_DAYS));
  const [mail, setMail] = useState(useInvitationMailStart());
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const parsed = createInviteBody.safeParse({
      role,
      expiresInDays: Number(days),
      ...invitationMailBody(mail),
    });
    if (!parsed.success) {
      showErrorsAndFocus(formRef.current, () => {
        const errors = zodFieldErrors(parsed.error.issues, FIELDS);
        if (errors.expiresInDays) errors.expiresInDays = t('invites.daysRule');
        setFieldErrors(errors);
      });
      return;
    }
    setBusy(true);
    setFieldErrors({});
    setFormError(null);
    try {
      onCreated(await createInvite(teamId, parsed.data));
    } catch (caught) {
      setFormError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className="inline-form" onSubmit={onSubmit} noValidate data-testid="invite-form">
      <RoleSelect value={role} onChange={setRole} label={t('invites.role')} testId="invite-role-select" />
      <TextField
        label={t('invites.days')}
        type="number"
        inputMode="numeric"
        min={1}
        max={30}
        className="field--short"
        value={days}
        onChange={setDays}
        error={fieldErrors.expiresInDays}
        data-testid="invite-days"
      />
      <InvitationMailFields value={mail} onChange={setMail} error={fieldErrors.email} testId="invite-email" />
      <button
        type="submit"
        className="button button--primary"
        aria-disabled={busy ? true : undefined}
        data-testid="invite-create"
      >
        <Link2 aria-hidden="true" />
        {t('invites.submit')}
      </button>
      {formError ? <ErrorMessage error={formError} /> : null}
    </form>
  );
}

function InviteList({
  teamId,
  invites,
  onChanged,
}: {
  teamId: string;
  invites: Invite[];
  onChanged: () => void;
}) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  const headingId = useId();
  const [error, setError] = useState<ApiError | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const revoke = async (invite: Invite) => {
    setError(null);
    try {
      await revokeInvite(teamId, invite.id);
      setAnnouncement(t('invites.revoked'));
      onChanged();
    } catch (caught) {
      setError(toApiError(caught));
    }
  };

  return (
    <div className="invite-list">
      <h3 id={headingId}>{t('invites.listHeading')}</h3>
      <ul className="item-list" aria-labelledby={headingId} data-testid="invite-list">
        {invites.map((invite) => {
          const status = inviteStatus(invite);
          return (
            <li key={invite.id} className="item-list__item" data-testid="invite-row" data-status={status}>
              <span>
                <strong>{t(roleLabelKey(invite.role))}</strong>
                {' · '}
                <span className={`badge badge--${status}`}>{t(`invites.status.${status}`)}</span>
              </span>
              {invite.sentTo ? (
                <span className="item-list__meta" data-testid="invite-sent-to">
                  {t('inviteMail.sentTo', { email: invite.sentTo })}
                </span>
              ) : null}
              <span className="item-list__meta">
                {t('invites.createdAt')}{' '}
                <time dateTime={invite.createdAt}>{formatDate(invite.createdAt)}</time>
                {' · '}
                {t(status === 'expired' ? 'invites.expiredAt' : 'invites.expiresAt')}{' '}
                <time dateTime={invite.expiresAt}>{formatDate(invite.expiresAt)}</time>
              </span>
              {status === 'open' ? (
                <button
                  type="button"
                  className="button button--small button--danger"
                  onClick={() => revoke(invite)}
                >
                  {t('invites.revoke')}
                  <span className="visually-hidden">
                    {' '}
                    {t('invites.revokeWhich', {
                      role: t(roleLabelKey(invite.role)),
                      date: formatDate(invite.createdAt),
                    })}
                  </span>
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      <p role="status" className="status-line">
        {announcement}
      </p>
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}
