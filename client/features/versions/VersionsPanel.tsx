import { useEffect, useId, useRef, useState } from 'react';
import type { DocumentKind } from '../../../shared/schemas/documents';
import { ErrorMessage } from '../../ui/ErrorMessage';
import type { VersionSummary } from './versionsApi';
import { useT } from '../../i18n/I18nProvider';
import { CompareForm } from './CompareForm';
import { SaveVersionForm } from './SaveVersionForm';
import { CURRENT, sideId, useVersions, type Side } from './useVersions';
import { VersionItem } from './VersionItem';
import { DiffPane, VersionPane } from './VersionPanes';
import { useDayFormat } from '../../i18n/format';
import { ArrowLeft } from 'lucide-react';

/** The versions (newest first) grouped by the day they were made, in the UI language. */
function byDay(
  versions: readonly VersionSummary[],
  formatDay: (iso: string) => string,
): Array<[string, VersionSummary[]]> {
  const days = new Map<string, VersionSummary[]>();
  for (const version of versions) {
    const day = formatDay(version.createdAt);
    const list = days.get(day);
    if (list) list.push(version);
    else days.set(day, [version]);
  }
  return [...days];
}

type View =
  | { name: 'list' }
  | { name: 'version'; version: VersionSummary }
  | { name: 'diff'; from: VersionSummary; to: Side };

/**
 * The versions dialog's body: the timeline (save, compare, view, restore) or one version or diff
 * with "Terug", which returns focus to the button that opened it.
 */
export function VersionsPanel({
  docId,
  kind,
  canEdit,
  onClose,
  onRestored,
}: {
  docId: string;
  kind: DocumentKind;
  canEdit: boolean;
  onClose: () => void;
  onRestored?: () => void;
}) {
  const t = useT();
  const formatDay = useDayFormat();
  const [view, setView] = useState<View>({ name: 'list' });
  const { versions, loadError, reload } = useVersions(docId);
  const [message, setMessage] = useState('');
  const backRef = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<string | null>(null);
  // Opener ids come from here (not from useId in the list's children, which get a fresh id when
  // the list remounts), so focus can return to the opener after "Terug".
  const panelId = useId();
  // The last pair chosen in the compare form, so "Terug" returns to the same choice.
  const [lastPair, setLastPair] = useState<{ from: string; to: string }>({ from: '', to: CURRENT });

  useEffect(() => {
    if (view.name !== 'list') backRef.current?.focus();
    else if (returnTo.current) {
      document.getElementById(returnTo.current)?.focus();
      returnTo.current = null;
    }
  }, [view]);

  const show = (next: View, openerId: string) => {
    returnTo.current = openerId;
    setMessage('');
    setView(next);
  };

  return (
    <div className="dialog__body versions">
      <p role="status" className="dialog__status" data-testid="versions-status">
        {message}
      </p>
      {view.name === 'list' ? (
        <>
          {canEdit ? (
            <SaveVersionForm
              docId={docId}
              onSaved={(label, unchanged) => {
                setMessage(unchanged ? t('versions.unchanged') : t('versions.saved', { label }));
                if (!unchanged) reload();
              }}
            />
          ) : null}
          <h3>{t('versions.timeline')}</h3>
          {versions && versions.length > 0 ? (
            <CompareForm
              versions={versions}
              initial={lastPair}
              submitId={`${panelId}-compare-submit`}
              onCompare={(from, to, openerId) => {
                setLastPair({ from: from.id, to: sideId(to) });
                show({ name: 'diff', from, to }, openerId);
              }}
            />
          ) : null}
          {loadError ? <ErrorMessage error={loadError} /> : null}
          {versions === null && !loadError ? <p className="muted">{t('versions.loading')}</p> : null}
          {versions?.length === 0 ? <p>{t('versions.empty')}</p> : null}
          {versions && versions.length > 0
            ? byDay(versions, formatDay).map(([day, items]) => (
                <section key={day} className="version-day" aria-label={day}>
                  <h4 className="version-day__heading">{day}</h4>
                  <ol className="version-list" data-testid="version-list">
                    {items.map((version) => (
                      <VersionItem
                        key={version.id}
                        docId={docId}
                        kind={kind}
                        openerId={`${panelId}-${version.id}`}
                        version={version}
                        canEdit={canEdit}
                        onShow={(name, openerId) =>
                          show(
                            name === 'version' ? { name, version } : { name, from: version, to: CURRENT },
                            openerId,
                          )
                        }
                        onRestored={() => {
                          setMessage(
                            t('versions.restored', {
                              label: version.auto ? t('versions.autoLabel') : version.label,
                            }),
                          );
                          reload();
                          onRestored?.();
                        }}
                      />
                    ))}
                  </ol>
                </section>
              ))
            : null}
        </>
      ) : (
        <>
          <button
            ref={backRef}
            type="button"
            className="button button--small button--text"
            data-testid="versions-back"
            onClick={() => setView({ name: 'list' })}
          >
            <ArrowLeft aria-hidden="true" />
            {t('versions.back')}
          </button>
          {view.name === 'version' ? (
            <VersionPane docId={docId} version={view.version} />
          ) : (
            <DiffPane docId={docId} from={view.from} to={view.to} />
          )}
        </>
      )}
      <p className="button-row">
        <button type="button" className="button" onClick={onClose}>
          {t('versions.close')}
        </button>
      </p>
    </div>
  );
}
