import { useId, useRef, useState } from 'react';
import type { Role } from '../../../shared/domain/roles';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { RoleSelect } from './RoleSelect';
import type { CurrentUser } from '../account/accountApi';
import { toApiError, type ApiError } from '../../api/request';
import { changeMemberRole, removeMember, type Member } from './teamsApi';
import type { Loadable } from '../../api/useLoadable';
import { useT } from '../../i18n/I18nProvider';
import { roleLabelKey } from '../../i18n/labels';
import { AddMemberForm } from './AddMemberForm';
import { UserMinus } from 'lucide-react';

/**
 * The members and their roles. Owners (`team.manageMembers`) get a role select with a save button
 * per person (a select that saved on every arrow key would fire a request per option passed) and a
 * remove button; the server refuses to leave the team without an owner and its message is shown.
 */
export function MembersSection({
  teamId,
  me,
  members,
  canManage,
  onChanged,
}: {
  teamId: string;
  me: CurrentUser;
  members: Loadable<Member[]>;
  canManage: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const headingId = useId();
  const [announcement, setAnnouncement] = useState('');

  return (
    <section className="page-section" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t('members.heading')}
        {members.status === 'ready' ? ` (${members.data.length})` : ''}
      </h2>
      {members.status === 'loading' ? <p className="muted">{t('members.loading')}</p> : null}
      {members.status === 'error' ? <ErrorMessage error={members.error} /> : null}
      {members.status === 'ready' ? (
        <ul className="member-list" data-testid="member-list">
          {members.data.map((member) => (
            <MemberRow
              key={member.userId}
              teamId={teamId}
              member={member}
              isMe={member.userId === me.id}
              canManage={canManage}
              onChanged={(message) => {
                setAnnouncement(message);
                onChanged();
              }}
            />
          ))}
        </ul>
      ) : null}
      <p role="status" className="status-line" data-testid="members-status">
        {announcement}
      </p>
      {canManage ? (
        <AddMemberForm
          teamId={teamId}
          onAdded={(message) => {
            setAnnouncement(message);
            onChanged();
          }}
        />
      ) : null}
    </section>
  );
}

function MemberRow({
  teamId,
  member,
  isMe,
  canManage,
  onChanged,
}: {
  teamId: string;
  member: Member;
  isMe: boolean;
  canManage: boolean;
  onChanged: (announcement: string) => void;
}) {
  const t = useT();
  const [draftRole, setDraftRole] = useState<Role>(member.role);
  // When the stored role changes (saved here or elsewhere), the select starts from it again;
  // adjusting state during render keeps the row (and the keyboard focus in it) mounted.
  const [storedRole, setStoredRole] = useState<Role>(member.role);
  if (storedRole !== member.role) {
    setStoredRole(member.role);
    setDraftRole(member.role);
  }
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const removeButtonRef = useRef<HTMLButtonElement>(null);
  const cancelRemove = () => {
    setConfirmingRemove(false);
    requestAnimationFrame(() => removeButtonRef.current?.focus());
  };
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const name = isMe ? t('members.you', { name: member.name }) : member.name;

  const run = async (action: () => Promise<void>, announcement: string) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await action();
      onChanged(announcement);
    } catch (caught) {
      setError(toApiError(caught));
      setDraftRole(member.role);
    } finally {
      setBusy(false);
    }
  };

  const saveRole = () =>
    draftRole !== member.role &&
    run(
      () => changeMemberRole(teamId, member.userId, draftRole),
      t('members.roleChanged', { name: member.name, role: t(roleLabelKey(draftRole)) }),
    );
  const remove = () =>
    run(() => removeMember(teamId, member.userId), t('members.removed', { name: member.name }));

  return (
    <li className="member" data-testid="member-row" data-user-id={member.userId} data-role={member.role}>
      <div className="member__who">
        <span className="member__name">{name}</span>
        <span className="member__email">{member.email}</span>
      </div>
      {canManage ? (
        <div className="member__controls">
          <RoleSelect
            value={draftRole}
            onChange={setDraftRole}
            label={t('members.roleOf', { name: member.name })}
            visibleLabel={false}
            testId="member-role-select"
          />
          <button
            type="button"
            className="button button--small"
            onClick={saveRole}
            aria-disabled={busy || draftRole === member.role ? true : undefined}
            data-testid="member-role-save"
          >
            {t('members.saveRole')}
            <span className="visually-hidden"> {t('members.forName', { name: member.name })}</span>
          </button>
          {!isMe && !confirmingRemove ? (
            <button
              ref={removeButtonRef}
              type="button"
              className="button button--small button--danger"
              onClick={() => setConfirmingRemove(true)}
            >
              <UserMinus aria-hidden="true" />
              {t('members.remove')}
              <span className="visually-hidden"> {member.name}</span>
            </button>
          ) : null}
        </div>
      ) : (
        <span className="member__role" data-testid="member-role">
          {t(roleLabelKey(member.role))}
        </span>
      )}
      {confirmingRemove ? (
        <div
          className="confirm"
          role="group"
          aria-label={t('members.confirmRemoveLabel', { name: member.name })}
        >
          <p>{t('members.confirmRemove', { name: member.name })}</p>
          <button type="button" className="button button--danger" onClick={remove} autoFocus>
            {t('members.confirmRemoveYes')}
          </button>
          <button type="button" className="button" onClick={cancelRemove}>
            {t('common.cancel')}
          </button>
        </div>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </li>
  );
}
