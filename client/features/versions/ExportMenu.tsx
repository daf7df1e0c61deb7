import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { toApiError, type ApiError } from '../../api/request';
import {
  downloadWithProgress,
  EXPORT_MENU_FORMATS,
  exportUrl,
  listVersions,
  type ExportMenuFormat,
  type VersionSummary,
} from './versionsApi';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nl';
import { VersionSelect } from './VersionSelect';
import { Download, FileDown, Printer } from 'lucide-react';

const EXTENSIONS: Record<ExportMenuFormat, string> = {
  md: 'md',
  html: 'html',
  json: 'json',
  docx: 'docx',
  print: 'html',
};

type Progress = { received: number; total: number | null } | null;

/**
 * "Exporteren": a disclosure with the export formats of the document (or of one saved version).
 * Downloads are fetched with a progress indicator (bytes read from the body, a percentage when the
 * server sends Content-Length); print opens the print-ready page in a new tab.
 */
export function ExportMenu({ docId, title }: { docId: string; title: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [versionId, setVersionId] = useState('');
  const [progress, setProgress] = useState<Progress>(null);
  const [busy, setBusy] = useState<ExportMenuFormat | null>(null);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const panelId = useId();
  const selectId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    listVersions(docId).then(
      (list) => !cancelled && setVersions(list),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [open, docId]);

  const download = async (format: ExportMenuFormat) => {
    setBusy(format);
    setDone(false);
    setError(null);
    setProgress({ received: 0, total: null });
    try {
      const name = `${title.trim() || 'leerarrangement'}.${EXTENSIONS[format]}`;
      await downloadWithProgress(exportUrl(docId, format, versionId || null), name, (received, total) =>
        setProgress({ received, total }),
      );
      setDone(true);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      setOpen(false);
      toggleRef.current?.focus();
    }
  };

  const percent =
    progress && progress.total ? Math.min(100, Math.round((progress.received / progress.total) * 100)) : null;

  return (
    <div className="export-menu" onKeyDown={onKeyDown}>
      <button
        ref={toggleRef}
        type="button"
        className="button button--small"
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="export-open"
        onClick={() => setOpen((value) => !value)}
      >
        <Download aria-hidden="true" />
        {t('export.open')}
      </button>
      <div id={panelId} className="export-menu__panel" hidden={!open} data-testid="export-menu">
        <div className="field">
          <label htmlFor={selectId}>{t('export.version')}</label>
          <VersionSelect
            id={selectId}
            value={versionId}
            onChange={setVersionId}
            testId="export-version"
            versions={versions}
            first={{ value: '', label: t('export.current') }}
          />
        </div>
        <ul className="export-menu__list">
          {EXPORT_MENU_FORMATS.map((format) => (
            <li key={format}>
              {format === 'print' ? (
                <a
                  className="button button--small"
                  href={exportUrl(docId, format, versionId || null)}
                  target="_blank"
                  rel="noopener"
                  data-testid="export-print"
                >
                  <Printer aria-hidden="true" />
                  {t('export.print')}
                </a>
              ) : (
                <button
                  type="button"
                  className="button button--small"
                  disabled={busy !== null}
                  aria-busy={busy === format || undefined}
                  data-testid={`export-${format}`}
                  onClick={() => void download(format)}
                >
                  <FileDown aria-hidden="true" />
                  {t(`export.${format}` as MessageKey)}
                </button>
              )}
            </li>
          ))}
        </ul>
        <div role="status" className="export-menu__status" data-testid="export-status">
          {progress ? (
            <>
              <progress
                aria-label={t('export.progressLabel')}
                {...(percent !== null ? { max: 100, value: percent } : {})}
              />{' '}
              {percent !== null
                ? t('export.progress', { percent })
                : progress.received > 0
                  ? t('export.progressBytes', { kb: Math.ceil(progress.received / 1024) })
                  : t('export.busy')}
            </>
          ) : done ? (
            t('export.done')
          ) : null}
        </div>
        {error ? <ErrorMessage error={error} /> : null}
      </div>
    </div>
  );
}
