import { useEffect, useRef, useState } from 'react';
import type { DesignStatus } from '../../../shared/domain/lifecycle';
import type { DocumentKind } from '../../../shared/schemas/documents';
import { CancelButton } from '../../ui/CancelButton';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { toApiError, type ApiError } from '../../api/request';
import { restoreVersion, type VersionSummary } from './versionsApi';
import { useDateTimeFormat } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nl';
import { Link } from '../../app/Link';
import { versionEditorPath } from '../../app/router';
import { Eye, GitCompare, RotateCcw, SquarePen } from 'lucide-react';

/**
 * One saved version in the timeline: label, status, author and note; view, open in the editor,
 * compare with the current state, and restore after confirming.
 */
export function VersionItem({
  docId,
  kind,
  openerId,
  version,
  canEdit,
  onShow,
  onRestored,
}: {
  docId: string;
  /** Which editor opens the version read-only (designs under /ontwerpen, the rest under /d). */
  kind: DocumentKind;
  openerId: string;
  version: VersionSummary;
  canEdit: boolean;
  onShow: (name: 'version' | 'diff', openerId: string) => void;
  onRestored: () => void;
}) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const yesRef = useRef<HTMLButtonElement>(null);
  const restoreRef = useRef<HTMLButtonElement>(null);
  const viewId = `${openerId}-view`;
  const compareId = `${openerId}-compare`;

  useEffect(() => {
    if (asking) yesRef.current?.focus();
  }, [asking]);

  const restore = async () => {
    setBusy(true);
    setError(null);
    try {
      await restoreVersion(docId, version.id);
      setAsking(false);
      onRestored();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  // An automatic version's label is the server's Dutch one: shown in the UI language instead.
  const label = version.auto ? t('versions.autoLabel') : version.label;
  const context = <span className="visually-hidden"> “{label}”</span>;
  const author = version.auto
    ? version.authors.map((person) => person.name || t('versions.unknownAuthor')).join(', ') ||
      t('versions.unknownAuthor')
    : (version.authorName ?? t('versions.unknownAuthor'));
  return (
    <li
      className={`version-item ${version.auto ? 'version-item--auto' : 'version-item--named'}`}
      data-testid="version-item"
      data-version-id={version.id}
      data-auto={version.auto ? 'true' : undefined}
    >
      <p className="version-item__label">
        {version.auto ? <span>{label}</span> : <strong>{label}</strong>}{' '}
        {version.status ? (
          <span className="badge" data-testid="version-status">
            {t(`lifecycle.status.${version.status as DesignStatus}` as MessageKey)}
          </span>
        ) : null}
      </p>
      <p className="muted version-item__meta">
        {t(version.auto ? 'versions.autoMeta' : 'versions.meta', {
          author,
          time: formatDate(version.createdAt),
        })}
      </p>
      {version.note ? <p className="prewrap">{version.note}</p> : null}
      <div className="button-row">
        <button
          id={viewId}
          type="button"
          className="button button--small button--text"
          data-testid="version-view-open"
          onClick={() => onShow('version', viewId)}
        >
          <Eye aria-hidden="true" />
          {t('versions.view')}
          {context}
        </button>
        <Link
          to={versionEditorPath(docId, version.id, kind)}
          className="button button--small button--text"
          data-testid="version-open-editor"
        >
          <SquarePen aria-hidden="true" />
          {t('rounds.openInEditor')}
          {context}
        </Link>
        <button
          id={compareId}
          type="button"
          className="button button--small button--text"
          data-testid="version-compare"
          onClick={() => onShow('diff', compareId)}
        >
          <GitCompare aria-hidden="true" />
          {t('versions.compare')}
          {context}
        </button>
        {canEdit && !asking ? (
          <button
            ref={restoreRef}
            type="button"
            className="button button--small button--text"
            data-testid="version-restore"
            onClick={() => setAsking(true)}
          >
            <RotateCcw aria-hidden="true" />
            {t('versions.restore')}
            {context}
          </button>
        ) : null}
      </div>
      {asking ? (
        <div className="confirm" role="group" aria-label={t('versions.restoreQuestion')}>
          <p>{t('versions.restoreQuestion')}</p>
          <button
            ref={yesRef}
            type="button"
            className="button button--small button--primary"
            disabled={busy}
            data-testid="version-restore-confirm"
            onClick={restore}
          >
            {busy ? t('versions.restoring') : t('versions.restoreYes')}
          </button>
          <CancelButton small onCancel={() => setAsking(false)} returnFocusTo={restoreRef} />
        </div>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </li>
  );
}
