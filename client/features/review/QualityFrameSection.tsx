import { useId, useState, type FormEvent } from 'react';
import { toApiError, type ApiError } from '../../api/request';
import { useLoadable } from '../../api/useLoadable';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useT } from '../../i18n/I18nProvider';
import { getFrame, saveFrame, type Frame } from './reviewApi';
import { Pencil, Plus } from 'lucide-react';

/**
 * A toetsingscommissie's quality frame on its team page: the criteria (the example frame marked as
 * such) and, for its owners, an editor. New submissions are judged against the saved frame.
 */
export function QualityFrameSection({ teamId, canEdit }: { teamId: string; canEdit: boolean }) {
  const t = useT();
  const headingId = useId();
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState(false);
  const frame = useLoadable(teamId, getFrame, version);
  return (
    <section className="card page-section" aria-labelledby={headingId} data-testid="quality-frame">
      <h2 id={headingId}>{t('review.frameHeading')}</h2>
      {frame.state.status === 'error' ? <ErrorMessage error={frame.state.error} /> : null}
      {frame.state.status === 'ready' ? (
        <>
          {frame.state.data.example ? (
            <p className="callout" data-testid="frame-example">
              {t('review.frameExample')}
            </p>
          ) : null}
          {editing ? (
            <FrameEditor
              teamId={teamId}
              frame={frame.state.data}
              onDone={() => {
                setEditing(false);
                setVersion((n) => n + 1);
              }}
            />
          ) : (
            <>
              <ol>
                {frame.state.data.criteria.map((criterion) => (
                  <li key={criterion.id}>
                    <strong>{criterion.title}</strong>
                    {criterion.description ? <p className="muted">{criterion.description}</p> : null}
                  </li>
                ))}
              </ol>
              {canEdit ? (
                <button
                  type="button"
                  className="button button--small button--text"
                  onClick={() => setEditing(true)}
                >
                  <Pencil aria-hidden="true" />
                  {t('review.frameEdit')}
                </button>
              ) : null}
            </>
          )}
        </>
      ) : null}
    </section>
  );
}

function FrameEditor({ teamId, frame, onDone }: { teamId: string; frame: Frame; onDone: () => void }) {
  const t = useT();
  const [criteria, setCriteria] = useState(frame.criteria.map((criterion) => ({ ...criterion })));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const change = (index: number, field: 'title' | 'description', value: string) =>
    setCriteria((current) => current.map((item, at) => (at === index ? { ...item, [field]: value } : item)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await saveFrame(teamId, { criteria });
      onDone();
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };

  return (
    <form className="form-stack" onSubmit={submit} noValidate>
      {criteria.map((criterion, index) => (
        <CriterionFields
          key={criterion.id}
          number={index + 1}
          title={criterion.title}
          description={criterion.description}
          onChange={(field, value) => change(index, field, value)}
          onRemove={() => setCriteria((current) => current.filter((_, at) => at !== index))}
        />
      ))}
      <p className="button-row">
        <button
          type="button"
          className="button button--small"
          onClick={() =>
            setCriteria((current) => [
              ...current,
              { id: `criterium-${Date.now().toString(36)}-${current.length}`, title: '', description: '' },
            ])
          }
        >
          <Plus aria-hidden="true" />
          {t('review.frameAdd')}
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('review.frameSave')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </p>
      {error ? <ErrorMessage error={error} /> : null}
    </form>
  );
}

function CriterionFields({
  number,
  title,
  description,
  onChange,
  onRemove,
}: {
  number: number;
  title: string;
  description: string;
  onChange: (field: 'title' | 'description', value: string) => void;
  onRemove: () => void;
}) {
  const t = useT();
  const titleId = useId();
  const descriptionId = useId();
  return (
    <div className="field-group">
      <div className="field">
        <label htmlFor={titleId}>{t('review.criterionTitle', { number: String(number) })}</label>
        <input
          id={titleId}
          type="text"
          maxLength={200}
          value={title}
          onChange={(event) => onChange('title', event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={descriptionId}>{t('review.criterionDescription', { number: String(number) })}</label>
        <textarea
          id={descriptionId}
          rows={2}
          maxLength={2000}
          value={description}
          onChange={(event) => onChange('description', event.target.value)}
        />
      </div>
      <button type="button" className="button button--small button--danger" onClick={onRemove}>
        {t('review.frameRemove')}
        <span className="visually-hidden"> {title}</span>
      </button>
    </div>
  );
}
