import { useId, useState, type FormEvent } from 'react';
import type { TeamKind } from '../../../shared/domain/roles';
import type { DocumentSummary } from '../../../shared/schemas/documents';
import { ErrorMessage } from '../../components/ErrorMessage';
import { toApiError, type ApiError } from '../../http/request';
import { createTemplateDraft } from '../../http/templates';
import type { Loadable } from '../../http/useLoadable';
import { useDateTimeFormat } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import { Link } from '../../routing/Link';
import { LIBRARY_PATH, navigate, ontwikkelpadPath } from '../../routing/router';

/**
 * "Ontwikkelpaden" on the team page. An atelier sees its drafts and (with `document.create`) a
 * form for a new one; a co-creatieteam designs against published versions, so it gets the way to
 * the library (its designs follow in a later issue).
 */
export function TeamOntwikkelpaden({
  teamId,
  kind,
  canCreate,
  documents,
}: {
  teamId: string;
  kind: TeamKind;
  canCreate: boolean;
  documents: Loadable<DocumentSummary[]>;
}) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  const headingId = useId();
  if (kind !== 'atelier') {
    return (
      <section className="page-section" aria-labelledby={headingId} data-testid="team-ontwikkelpaden">
        <h2 id={headingId}>{t('teamOp.heading')}</h2>
        <p>{t('teamOp.cocreatie')}</p>
        <p>
          <Link to={LIBRARY_PATH} className="button" data-testid="to-library">
            {t('teamOp.toLibrary')}
          </Link>
        </p>
      </section>
    );
  }
  const drafts =
    documents.status === 'ready' ? documents.data.filter((doc) => doc.kind === 'ontwikkelpad') : [];
  return (
    <section className="page-section" aria-labelledby={headingId} data-testid="team-ontwikkelpaden">
      <h2 id={headingId}>{t('teamOp.heading')}</h2>
      {documents.status === 'loading' ? <p className="muted">{t('home.documentsLoading')}</p> : null}
      {documents.status === 'error' ? <ErrorMessage error={documents.error} /> : null}
      {documents.status === 'ready' && drafts.length === 0 ? (
        <p className="empty-state">{t(canCreate ? 'teamOp.emptyCanCreate' : 'teamOp.empty')}</p>
      ) : null}
      {drafts.length > 0 ? (
        <ul className="item-list" data-testid="team-drafts">
          {drafts.map((doc) => (
            <li key={doc.id} className="item-list__item">
              <Link to={ontwikkelpadPath(doc.id)} className="item-list__title" data-testid="draft-link">
                {doc.title.trim() || t('template.untitled')}
              </Link>
              <span className="item-list__meta">
                {t('document.updatedAt')} <time dateTime={doc.updatedAt}>{formatDate(doc.updatedAt)}</time>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {canCreate ? <NewOntwikkelpadForm teamId={teamId} /> : null}
    </section>
  );
}

/** "Nieuw ontwikkelpad": creates an empty draft (default sections) in the atelier and opens it. */
function NewOntwikkelpadForm({ teamId }: { teamId: string }) {
  const t = useT();
  const headingId = useId();
  const inputId = useId();
  const hintId = useId();
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const trimmed = title.trim();
      const created = await createTemplateDraft(trimmed ? { teamId, title: trimmed } : { teamId });
      navigate(ontwikkelpadPath(created.id));
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };

  return (
    <section className="card new-document" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('teamOp.new')}</h3>
      <form className="inline-form" onSubmit={onSubmit} noValidate data-testid="new-ontwikkelpad-form">
        <div className="field">
          <label htmlFor={inputId}>{t('teamOp.titleLabel')}</label>
          <input
            id={inputId}
            name="title"
            type="text"
            maxLength={200}
            autoComplete="off"
            aria-describedby={hintId}
            aria-invalid={error ? true : undefined}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
          />
          <p id={hintId} className="field__hint">
            {t('teamOp.titleHint')}
          </p>
        </div>
        <button type="submit" className="button button--primary" aria-disabled={busy ? true : undefined}>
          {busy ? t('common.creating') : t('teamOp.submit')}
        </button>
      </form>
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
