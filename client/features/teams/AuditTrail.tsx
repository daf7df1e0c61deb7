import { useId } from 'react';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { listAudit, type Member } from './teamsApi';
import { useLoadable } from '../../api/useLoadable';
import { describeAuditEvent } from '../../i18n/audit';
import { useDateTimeFormat } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';

/** The team's audit trail (owners), newest first, as readable sentences with who and when. */
export function AuditTrail({
  teamId,
  version,
  members,
}: {
  teamId: string;
  version: number;
  members: Member[];
}) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  const headingId = useId();
  const audit = useLoadable(teamId, listAudit, version);
  const memberNames = new Map(members.map((member) => [member.userId, member.name]));

  return (
    <section className="page-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('audit.heading')}</h2>
      {audit.state.status === 'loading' ? <p className="muted">{t('audit.loading')}</p> : null}
      {audit.state.status === 'error' ? <ErrorMessage error={audit.state.error} /> : null}
      {audit.state.status === 'ready' && audit.state.data.length === 0 ? (
        <p className="empty-state">{t('audit.empty')}</p>
      ) : null}
      {audit.state.status === 'ready' && audit.state.data.length > 0 ? (
        <ol className="audit-list" data-testid="audit-list">
          {audit.state.data.map((event) => (
            <li key={event.id} className="audit-list__item" data-action={event.action}>
              <time dateTime={event.createdAt} className="audit-list__time">
                {formatDate(event.createdAt)}
              </time>
              <span>{describeAuditEvent(event, t, memberNames)}</span>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
