import { useId, useRef, useState, type FormEvent } from 'react';
import { updateTeamBody } from '../../../shared/schemas/auth';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { TextField } from '../../ui/TextField';
import {
  serverFieldErrors,
  showErrorsAndFocus,
  zodFieldErrors,
  type FieldErrors,
} from '../../ui/fieldErrors';
import { toApiError, type ApiError } from '../../api/request';
import { updateTeam, type TeamWithAccess } from './teamsApi';
import { useT } from '../../i18n/I18nProvider';
import { Link } from '../../app/Link';
import { TeamFacts } from './TeamFacts';
import { Pencil } from 'lucide-react';

const FIELDS = ['name', 'lab', 'consortium'] as const;
type Field = (typeof FIELDS)[number];

/** The team's heading and facts; owners (`team.update`) can change name, lab and consortium. */
export function TeamDetails({
  team,
  canEdit,
  onChanged,
}: {
  team: TeamWithAccess;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editButtonRef = useRef<HTMLButtonElement>(null);

  const close = (didSave: boolean) => {
    setEditing(false);
    setSaved(didSave);
    // Back to the button that opened the form, so keyboard users keep their place.
    requestAnimationFrame(() => editButtonRef.current?.focus());
  };

  return (
    <div className="team-details page-section">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/">{t('header.myTeams')}</Link>
          </li>
          <li aria-current="page">{team.name}</li>
        </ol>
      </nav>
      <h1 data-testid="team-name">{team.name}</h1>
      <TeamFacts team={team} kindTestId="team-kind" roleTestId="my-role" />
      {canEdit && !editing ? (
        <p>
          <button
            ref={editButtonRef}
            type="button"
            className="button button--text"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            <Pencil aria-hidden="true" />
            {t('teamEdit.open')}
          </button>
        </p>
      ) : null}
      <p role="status" className="status-line">
        {saved ? t('teamEdit.saved') : ''}
      </p>
      {canEdit && editing ? <TeamEditForm team={team} onDone={close} onChanged={onChanged} /> : null}
    </div>
  );
}

function TeamEditForm({
  team,
  onDone,
  onChanged,
}: {
  team: TeamWithAccess;
  onDone: (saved: boolean) => void;
  onChanged: () => void;
}) {
  const t = useT();
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({
    name: team.name,
    lab: team.lab ?? '',
    consortium: team.consortium ?? '',
  });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: Field) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const parsed = updateTeamBody.safeParse(values);
    if (!parsed.success) {
      showErrorsAndFocus(formRef.current, () => setFieldErrors(zodFieldErrors(parsed.error.issues, FIELDS)));
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      await updateTeam(team.id, parsed.data);
      onChanged();
      onDone(true);
    } catch (caught) {
      const error = toApiError(caught);
      showErrorsAndFocus(formRef.current, () => {
        setBusy(false);
        const split = serverFieldErrors(error, FIELDS);
        setFieldErrors(split.fieldErrors);
        setFormError(split.rest ? error : null);
      });
    }
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('teamEdit.heading')}</h2>
      <form ref={formRef} className="form-stack" onSubmit={onSubmit} noValidate>
        <TextField
          label={t('newTeam.name')}
          type="text"
          autoComplete="off"
          maxLength={200}
          autoFocus
          value={values.name}
          onChange={set('name')}
          error={fieldErrors.name}
        />
        <div className="form-row">
          <TextField
            label={t('newTeam.lab')}
            hint={t('common.optional')}
            type="text"
            autoComplete="off"
            maxLength={200}
            value={values.lab}
            onChange={set('lab')}
            error={fieldErrors.lab}
          />
          <TextField
            label={t('newTeam.consortium')}
            hint={t('common.optional')}
            type="text"
            autoComplete="off"
            maxLength={200}
            value={values.consortium}
            onChange={set('consortium')}
            error={fieldErrors.consortium}
          />
        </div>
        {formError ? <ErrorMessage error={formError} /> : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" aria-disabled={busy ? true : undefined}>
            {t('common.save')}
          </button>
          <button type="button" className="button" onClick={() => onDone(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
