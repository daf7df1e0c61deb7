import { useEffect, useId, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { parseVersion, versionProblem } from '../../../../shared/domain/template/versioning';
import { Dialog } from '../../../ui/Dialog';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { TemplateChangeList } from '../TemplateChangeList';
import { toApiError, type ApiError } from '../../../api/request';
import { getPublishPreview, publishTemplate, type PublishPreview } from '../templatesApi';
import { useDateTimeFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/I18nProvider';
import type { SaveState } from '../../../collab/SaveTracker';
import { Link } from '../../../app/Link';
import { templateVersionPath } from '../../../app/router';
import { ProblemList } from './ChecksPanel';

/** How long the doc must stay unchanged before an open dialog fetches the preview again. */
const REFRESH_AFTER_CHANGE_MS = 600;

type Phase = { name: 'preview' } | { name: 'publishing' } | { name: 'done'; id: string; version: string };

/**
 * "Publiceren": what the server would publish (its committed state, so the preview is fetched only
 * once the save status says "saved"), the problems that block it, the previous version and the
 * change list, the proposed version number (editable; a major version when an outcome was removed
 * or its meaning changed) and a required change note. A change to the doc while the dialog is open
 * (someone else typing) fetches the preview again.
 */
export function PublishDialog({
  open,
  onClose,
  docId,
  doc,
  saveState,
  onPublished,
}: {
  open: boolean;
  onClose: () => void;
  docId: string;
  doc: Y.Doc;
  saveState: SaveState;
  onPublished: () => void;
}) {
  const t = useT();
  const headingId = useId();
  return (
    <Dialog open={open} onClose={onClose} labelledBy={headingId} testId="publish-dialog">
      <h2 id={headingId} tabIndex={-1} className="dialog__heading">
        {t('publish.heading')}
      </h2>
      {open ? (
        <PublishFlow
          docId={docId}
          doc={doc}
          saveState={saveState}
          onClose={onClose}
          onPublished={onPublished}
        />
      ) : null}
    </Dialog>
  );
}

function PublishFlow({
  docId,
  doc,
  saveState,
  onClose,
  onPublished,
}: {
  docId: string;
  doc: Y.Doc;
  saveState: SaveState;
  onClose: () => void;
  onPublished: () => void;
}) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  const changesId = useId();
  const versionId = useId();
  const versionHintId = useId();
  const versionErrorId = useId();
  const noteId = useId();
  const noteHintId = useId();
  const noteErrorId = useId();
  const [preview, setPreview] = useState<PublishPreview | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [changedAt, setChangedAt] = useState(0);
  const [version, setVersion] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [phase, setPhase] = useState<Phase>({ name: 'preview' });
  const [publishError, setPublishError] = useState<ApiError | null>(null);
  const saved = saveState === 'saved';

  // Remote edits while open: the preview is out of date.
  useEffect(() => {
    const onUpdate = () => setChangedAt(Date.now());
    doc.on('update', onUpdate);
    return () => doc.off('update', onUpdate);
  }, [doc]);

  useEffect(() => {
    if (!saved || phase.name !== 'preview') return;
    let cancelled = false;
    const timer = window.setTimeout(
      () => {
        getPublishPreview(docId).then(
          (next) => {
            if (cancelled) return;
            setPreview(next);
            setLoadError(null);
          },
          (error: unknown) => !cancelled && setLoadError(toApiError(error)),
        );
      },
      changedAt === 0 ? 0 : REFRESH_AFTER_CHANGE_MS,
    );
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [docId, saved, changedAt, phase.name]);

  if (phase.name === 'done') {
    return (
      <div className="dialog__body" data-testid="publish-done">
        <p className="notice notice--success" role="status">
          {t('publish.done', { version: phase.version })}
        </p>
        <p>
          <Link to={templateVersionPath(phase.id)} data-testid="published-version-link">
            {t('publish.viewVersion', { version: phase.version })}
          </Link>
        </p>
        <p className="button-row">
          <button type="button" className="button" onClick={onClose} data-testid="publish-close">
            {t('publish.close')}
          </button>
        </p>
      </div>
    );
  }

  const chosen = version ?? preview?.proposedVersion ?? '';
  const parsed = parseVersion(chosen);
  const previous = preview?.previous ? parseVersion(preview.previous.version) : undefined;
  const versionError = !preview
    ? null
    : !parsed
      ? t('publish.versionFormat')
      : versionProblem(previous, parsed, preview.changes);
  const noteError = note.trim() ? null : t('publish.noteMissing');
  const blocked =
    !preview ||
    !saved ||
    preview.problems.length > 0 ||
    (preview.previous !== null && preview.changes.length === 0);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (blocked || versionError || noteError || phase.name !== 'preview') {
      const invalid = event.currentTarget.querySelector<HTMLElement>('[aria-invalid="true"]');
      requestAnimationFrame(() => invalid?.focus());
      return;
    }
    setPhase({ name: 'publishing' });
    setPublishError(null);
    try {
      const result = await publishTemplate(docId, { version: chosen.trim(), changeNote: note.trim() });
      setPhase({ name: 'done', id: result.id, version: result.version });
      onPublished();
    } catch (caught) {
      setPublishError(toApiError(caught));
      setPhase({ name: 'preview' });
    }
  };

  return (
    <div className="dialog__body" aria-busy={!preview || phase.name === 'publishing'}>
      <p role="status" className="dialog__status" data-testid="publish-status">
        {!saved
          ? saveState === 'offline'
            ? t('publish.offline')
            : t('publish.waitingForSave')
          : !preview && !loadError
            ? t('publish.loading')
            : ''}
      </p>
      {loadError ? <ErrorMessage error={loadError} /> : null}
      {preview ? (
        <>
          {preview.problems.length > 0 ? (
            <div className="notice notice--warning" data-testid="publish-problems">
              <h3>{t('publish.problemsHeading')}</h3>
              <p>{t('publish.problemsIntro')}</p>
              <ProblemList problems={preview.problems} interactive onBeforeFocus={onClose} />
            </div>
          ) : null}
          <p data-testid="publish-previous">
            {preview.previous
              ? t('publish.previous', {
                  version: preview.previous.version,
                  date: formatDate(preview.previous.publishedAt),
                })
              : t('publish.first')}
          </p>
          {preview.previous ? (
            <section aria-labelledby={changesId}>
              <h3 id={changesId}>{t('publish.changesHeading', { version: preview.previous.version })}</h3>
              {preview.changes.length === 0 ? (
                <p className="empty-state">{t('publish.noChanges', { version: preview.previous.version })}</p>
              ) : (
                <TemplateChangeList changes={preview.changes} labelledBy={changesId} />
              )}
            </section>
          ) : null}
          <form className="form-stack" onSubmit={onSubmit} noValidate data-testid="publish-form">
            <div className="field field--version">
              <label htmlFor={versionId}>{t('publish.version')}</label>
              <p id={versionHintId} className="field__hint" data-testid="publish-version-hint">
                {t('publish.proposed', { version: preview.proposedVersion })}{' '}
                {preview.previous
                  ? preview.requiresMajor
                    ? t('publish.majorRequired')
                    : t('publish.minorEnough')
                  : ''}
              </p>
              <input
                id={versionId}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                maxLength={9}
                value={chosen}
                data-testid="publish-version"
                aria-describedby={`${versionHintId}${submitted && versionError ? ` ${versionErrorId}` : ''}`}
                aria-invalid={submitted && versionError ? true : undefined}
                onChange={(event) => setVersion(event.target.value)}
              />
              {submitted && versionError ? (
                <p id={versionErrorId} className="field__error" role="alert">
                  {versionError}
                </p>
              ) : null}
            </div>
            <div className="field">
              <label htmlFor={noteId}>{t('publish.note')}</label>
              <p id={noteHintId} className="field__hint">
                {t('publish.noteHint')}
              </p>
              <textarea
                id={noteId}
                rows={3}
                maxLength={2000}
                required
                value={note}
                data-testid="publish-note"
                aria-describedby={`${noteHintId}${submitted && noteError ? ` ${noteErrorId}` : ''}`}
                aria-invalid={submitted && noteError ? true : undefined}
                onChange={(event) => setNote(event.target.value)}
              />
              {submitted && noteError ? (
                <p id={noteErrorId} className="field__error" role="alert">
                  {noteError}
                </p>
              ) : null}
            </div>
            <p className="field__hint">{t('publish.committed')}</p>
            {publishError ? <ErrorMessage error={publishError} /> : null}
            <p className="button-row">
              <button
                type="submit"
                className="button button--primary"
                data-testid="publish-submit"
                disabled={blocked}
                aria-disabled={phase.name === 'publishing' ? true : undefined}
              >
                {phase.name === 'publishing'
                  ? t('publish.submitting')
                  : t('publish.submit', { version: parsed ? chosen.trim() : '…' })}
              </button>
              <button type="button" className="button" onClick={onClose}>
                {t('common.cancel')}
              </button>
            </p>
          </form>
        </>
      ) : (
        <p className="button-row">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </p>
      )}
    </div>
  );
}
