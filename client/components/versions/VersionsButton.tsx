import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { DesignStatus } from '../../../shared/domain/lifecycle';
import { toApiError, type ApiError } from '../../http/request';
import {
  getVersion,
  getVersionDiff,
  listVersions,
  restoreVersion,
  saveVersion,
  type VersionDetail,
  type VersionDiff,
  type VersionSummary,
} from '../../http/versions';
import { useDateTimeFormat } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nl';
import { Link } from '../../routing/Link';
import { versionEditorPath } from '../../routing/router';
import { Dialog } from '../Dialog';
import { ErrorMessage } from '../ErrorMessage';
import { TextField } from '../TextField';
import { DiffView, type OutcomeNames } from './DiffView';
import { VersionView } from './VersionView';

/** A side of a comparison: a saved version or the current state. */
type Side = VersionSummary | 'current';

type View =
  | { name: 'list' }
  | { name: 'version'; version: VersionSummary }
  | { name: 'diff'; from: VersionSummary; to: Side };

/** Value of the "current state" option in the compare selects (the diff route's keyword). */
const CURRENT = 'current';

/**
 * "Versies": a button that opens the timeline of any collaborative document (section document,
 * ontwikkelpad draft, design) in a dialog — save a version, open one read-only, compare it with the
 * current state, restore it (the restored content arrives live in the open editor).
 */
export function VersionsButton({
  docId,
  canEdit,
  onRestored,
}: {
  docId: string;
  /** `document.edit` (and not frozen): save and restore. */
  canEdit: boolean;
  onRestored?: () => void;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const headingId = useId();
  return (
    <>
      <button
        type="button"
        className="button button--small"
        data-testid="versions-open"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {t('versions.open')}
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} labelledBy={headingId} testId="versions-dialog" wide>
        <h2 id={headingId} tabIndex={-1} className="dialog__heading">
          {t('versions.heading')}
        </h2>
        {open ? (
          <VersionsFlow
            docId={docId}
            canEdit={canEdit}
            onClose={() => setOpen(false)}
            {...(onRestored ? { onRestored } : {})}
          />
        ) : null}
      </Dialog>
    </>
  );
}

function VersionsFlow({
  docId,
  canEdit,
  onClose,
  onRestored,
}: {
  docId: string;
  canEdit: boolean;
  onClose: () => void;
  onRestored?: () => void;
}) {
  const t = useT();
  const [view, setView] = useState<View>({ name: 'list' });
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState('');
  const backRef = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<string | null>(null);
  // Opener ids come from here (not from useId in the list's children, which get a fresh id when
  // the list remounts), so focus can return to the opener after "Terug".
  const flowId = useId();
  // The last pair chosen in the compare form, so "Terug" returns to the same choice.
  const [lastPair, setLastPair] = useState<{ from: string; to: string }>({ from: '', to: CURRENT });

  const reload = useCallback(() => {
    listVersions(docId).then(
      (list) => {
        setVersions(list);
        setLoadError(null);
      },
      (error: unknown) => setLoadError(toApiError(error)),
    );
  }, [docId]);

  useEffect(reload, [reload]);

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
              onSaved={(label) => {
                setMessage(t('versions.saved', { label }));
                reload();
              }}
            />
          ) : null}
          <h3>{t('versions.timeline')}</h3>
          {versions && versions.length > 0 ? (
            <CompareForm
              versions={versions}
              initial={lastPair}
              submitId={`${flowId}-compare-submit`}
              onCompare={(from, to, openerId) => {
                setLastPair({ from: from.id, to: to === CURRENT ? CURRENT : to.id });
                show({ name: 'diff', from, to }, openerId);
              }}
            />
          ) : null}
          {loadError ? <ErrorMessage error={loadError} /> : null}
          {versions === null && !loadError ? <p className="muted">{t('versions.loading')}</p> : null}
          {versions?.length === 0 ? <p>{t('versions.empty')}</p> : null}
          {versions && versions.length > 0 ? (
            <ol className="version-list" data-testid="version-list">
              {versions.map((version) => (
                <VersionItem
                  key={version.id}
                  docId={docId}
                  openerId={`${flowId}-${version.id}`}
                  version={version}
                  canEdit={canEdit}
                  onShow={(name, openerId) =>
                    show(
                      name === 'version' ? { name, version } : { name, from: version, to: CURRENT },
                      openerId,
                    )
                  }
                  onRestored={() => {
                    setMessage(t('versions.restored', { label: version.label }));
                    reload();
                    onRestored?.();
                  }}
                />
              ))}
            </ol>
          ) : null}
        </>
      ) : (
        <>
          <button
            ref={backRef}
            type="button"
            className="button button--small"
            data-testid="versions-back"
            onClick={() => setView({ name: 'list' })}
          >
            ← {t('versions.back')}
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

/** "Vergelijk twee versies": two labelled native selects (Van / Naar) and a submit button. */
function CompareForm({
  versions,
  initial,
  submitId,
  onCompare,
}: {
  versions: VersionSummary[];
  initial: { from: string; to: string };
  submitId: string;
  onCompare: (from: VersionSummary, to: Side, openerId: string) => void;
}) {
  const t = useT();
  const baseId = useId();
  const headingId = `${baseId}-heading`;
  const fromId = `${baseId}-from`;
  const toId = `${baseId}-to`;
  // Defaults: the newest version against the current state (or the last pair compared).
  const [fromValue, setFromValue] = useState(initial.from);
  const [toValue, setToValue] = useState(initial.to);
  const from = versions.find((version) => version.id === fromValue) ?? versions[0]!;
  const to: Side =
    toValue === CURRENT ? CURRENT : (versions.find((version) => version.id === toValue) ?? CURRENT);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onCompare(from, to, submitId);
  };

  return (
    <form
      className="version-compare"
      onSubmit={submit}
      aria-labelledby={headingId}
      data-testid="version-compare-form"
    >
      <h4 id={headingId}>{t('versions.compareHeading')}</h4>
      <div className="version-compare__fields">
        <div className="field">
          <label htmlFor={fromId}>{t('versions.compareFrom')}</label>
          <select
            id={fromId}
            value={from.id}
            onChange={(event) => setFromValue(event.target.value)}
            data-testid="version-compare-from"
          >
            {versions.map((version) => (
              <option key={version.id} value={version.id}>
                {version.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={toId}>{t('versions.compareTo')}</label>
          <select
            id={toId}
            value={to === CURRENT ? CURRENT : to.id}
            onChange={(event) => setToValue(event.target.value)}
            data-testid="version-compare-to"
          >
            <option value={CURRENT}>{t('versions.currentState')}</option>
            {versions.map((version) => (
              <option key={version.id} value={version.id}>
                {version.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button
        id={submitId}
        type="submit"
        className="button button--small"
        data-testid="version-compare-submit"
      >
        {t('versions.compareSubmit')}
      </button>
    </form>
  );
}

function SaveVersionForm({ docId, onSaved }: { docId: string; onSaved: (label: string) => void }) {
  const t = useT();
  const [label, setLabel] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [labelError, setLabelError] = useState<string | undefined>();
  const [error, setError] = useState<ApiError | null>(null);
  const noteId = useId();
  const headingId = useId();
  const labelRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = label.trim();
    if (!trimmed) {
      setLabelError(t('versions.labelRequired'));
      labelRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    setLabelError(undefined);
    try {
      await saveVersion(docId, note.trim() ? { label: trimmed, note: note.trim() } : { label: trimmed });
      setLabel('');
      setNote('');
      onSaved(trimmed);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="version-save" onSubmit={submit} aria-labelledby={headingId} noValidate>
      <h3 id={headingId}>{t('versions.saveHeading')}</h3>
      <TextField
        ref={labelRef}
        label={t('versions.label')}
        hint={t('versions.labelHint')}
        value={label}
        onChange={setLabel}
        error={labelError}
        maxLength={200}
        autoComplete="off"
        data-testid="version-label"
      />
      <div className="field">
        <label htmlFor={noteId}>{t('versions.note')}</label>
        <textarea
          id={noteId}
          value={note}
          maxLength={2000}
          rows={2}
          onChange={(event) => setNote(event.target.value)}
          data-testid="version-note"
        />
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      <button type="submit" className="button button--primary" disabled={busy} data-testid="version-save">
        {busy ? t('versions.saving') : t('versions.save')}
      </button>
    </form>
  );
}

/** Designs open versions under /ontwerpen, every other document under /d (the page we are on says which). */
function editorKind(): string | undefined {
  return location.pathname.startsWith('/ontwerpen/') ? 'leerarrangement' : undefined;
}

function VersionItem({
  docId,
  openerId,
  version,
  canEdit,
  onShow,
  onRestored,
}: {
  docId: string;
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

  const context = <span className="visually-hidden"> “{version.label}”</span>;
  return (
    <li className="version-item" data-testid="version-item" data-version-id={version.id}>
      <p className="version-item__label">
        <strong>{version.label}</strong>{' '}
        {version.status ? (
          <span className="badge" data-testid="version-status">
            {t(`lifecycle.status.${version.status as DesignStatus}` as MessageKey)}
          </span>
        ) : null}
      </p>
      <p className="muted version-item__meta">
        {t('versions.meta', {
          author: version.authorName ?? t('versions.unknownAuthor'),
          time: formatDate(version.createdAt),
        })}
      </p>
      {version.note ? <p className="prewrap">{version.note}</p> : null}
      <div className="button-row">
        <button
          id={viewId}
          type="button"
          className="button button--small"
          data-testid="version-view-open"
          onClick={() => onShow('version', viewId)}
        >
          {t('versions.view')}
          {context}
        </button>
        <Link
          to={versionEditorPath(docId, version.id, editorKind())}
          className="button button--small"
          data-testid="version-open-editor"
        >
          {t('rounds.openInEditor')}
          {context}
        </Link>
        <button
          id={compareId}
          type="button"
          className="button button--small"
          data-testid="version-compare"
          onClick={() => onShow('diff', compareId)}
        >
          {t('versions.compare')}
          {context}
        </button>
        {canEdit && !asking ? (
          <button
            ref={restoreRef}
            type="button"
            className="button button--small"
            data-testid="version-restore"
            onClick={() => setAsking(true)}
          >
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
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setAsking(false);
              requestAnimationFrame(() => restoreRef.current?.focus());
            }}
          >
            {t('common.cancel')}
          </button>
        </div>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </li>
  );
}

function VersionPane({ docId, version }: { docId: string; version: VersionSummary }) {
  const t = useT();
  const [detail, setDetail] = useState<VersionDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let cancelled = false;
    getVersion(docId, version.id).then(
      (loaded) => !cancelled && setDetail(loaded),
      (caught: unknown) => !cancelled && setError(toApiError(caught)),
    );
    return () => {
      cancelled = true;
    };
  }, [docId, version.id]);
  return (
    <>
      <h3>{t('versions.readOnlyView', { label: version.label })}</h3>
      {error ? <ErrorMessage error={error} /> : null}
      {!detail && !error ? <p className="muted">{t('versions.loading')}</p> : null}
      {detail ? <VersionView projection={detail.json} /> : null}
    </>
  );
}

function DiffPane({ docId, from, to }: { docId: string; from: VersionSummary; to: Side }) {
  const t = useT();
  const [loaded, setLoaded] = useState<{ diff: VersionDiff; outcomes: OutcomeNames } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const toId = to === CURRENT ? CURRENT : to.id;
  useEffect(() => {
    let cancelled = false;
    const outcomesOf = (detail: VersionDetail): OutcomeNames =>
      detail.json.kind === 'leerarrangement' ? detail.json.outcomes : {};
    Promise.all([
      getVersionDiff(docId, from.id, toId),
      getVersion(docId, from.id),
      toId === CURRENT ? Promise.resolve(null) : getVersion(docId, toId),
    ]).then(
      ([diff, fromDetail, toDetail]) =>
        !cancelled &&
        setLoaded({
          diff,
          // Outcomes removed or added between the two versions are named from either side.
          outcomes: { ...(toDetail ? outcomesOf(toDetail) : {}), ...outcomesOf(fromDetail) },
        }),
      (caught: unknown) => !cancelled && setError(toApiError(caught)),
    );
    return () => {
      cancelled = true;
    };
  }, [docId, from.id, toId]);
  return (
    <>
      <h3>
        {to === CURRENT
          ? t('diff.heading', { from: from.label })
          : t('diff.pairHeading', { from: from.label, to: to.label })}
      </h3>
      {error ? <ErrorMessage error={error} /> : null}
      {!loaded && !error ? <p className="muted">{t('diff.loading')}</p> : null}
      {loaded ? <DiffView diff={loaded.diff} outcomes={loaded.outcomes} /> : null}
    </>
  );
}
