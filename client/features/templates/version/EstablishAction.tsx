import { useId, useState } from 'react';
import { mayEstablish } from '../../../../shared/domain/template/establish';
import { toApiError, type ApiError } from '../../../api/request';
import { useLoadable } from '../../../api/useLoadable';
import { useDateTimeFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/I18nProvider';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { useSignedInUser } from '../../auth/CurrentUserProvider';
import { listTeams } from '../../teams/teamsApi';
import { establishTemplate, type TemplateVersionDetail } from '../templatesApi';
import { BadgeCheck } from 'lucide-react';

const loadTeams = () => listTeams();

/**
 * Vaststellen (001 l.70): whether the version is vastgesteld, and for members of its atelier the
 * button the four-eyes rule allows them (the same `mayEstablish` the server enforces), or why not.
 */
export function EstablishAction({
  version,
  onEstablished,
}: {
  version: TemplateVersionDetail;
  onEstablished: (established: { established: boolean; establishedAt: string | null }) => void;
}) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  const headingId = useId();
  const user = useSignedInUser();
  const teams = useLoadable('', loadTeams);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const role =
    teams.state.status === 'ready'
      ? teams.state.data.find((team) => team.id === version.teamId)?.role
      : undefined;
  if (version.established) {
    return (
      <p className="notice notice--success" data-testid="established-notice">
        {version.establishedAt
          ? t('frames.establishedAt', { date: formatDate(version.establishedAt) })
          : t('frames.establishedExample')}
      </p>
    );
  }
  if (!role) {
    return (
      <p className="notice notice--warning" data-testid="concept-notice">
        {t('frames.notEstablished')}. {t('frames.establishHint')}
      </p>
    );
  }
  const allowed = !!user && mayEstablish({ role, userId: user.id, publishedBy: version.publishedBy });

  const establish = async () => {
    setBusy(true);
    setError(null);
    try {
      const done = await establishTemplate(version.id);
      onEstablished({ established: done.established, establishedAt: done.establishedAt });
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card side-card" aria-labelledby={headingId} data-testid="establish">
      <h2 id={headingId}>{t('frames.establishHeading')}</h2>
      <p className="notice notice--warning">{t('frames.notEstablished')}</p>
      <p className="field__hint">{t('frames.establishHint')}</p>
      {allowed ? (
        <ConfirmButton
          label={t('frames.establish')}
          question={t('frames.establishConfirm', { version: version.version })}
          confirmLabel={t('frames.establishYes')}
          onConfirm={() => void establish()}
          disabled={busy}
          small={false}
          icon={<BadgeCheck aria-hidden="true" />}
          testId="establish-version"
        />
      ) : user && version.publishedBy === user.id ? (
        <p data-testid="establish-own">{t('frames.establishOwn')}</p>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
