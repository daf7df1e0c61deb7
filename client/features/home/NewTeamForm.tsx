import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { TEAM_KINDS, type TeamKind } from '../../../shared/domain/roles';
import { createTeamBody } from '../../../shared/schemas/auth';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { RadioOptions } from '../../ui/RadioOptions';
import { TextField } from '../../ui/TextField';
import { TermHelp } from '../../ui/TermHelp';
import {
  serverFieldErrors,
  showErrorsAndFocus,
  zodFieldErrors,
  type FieldErrors,
} from '../../ui/fieldErrors';
import { toApiError, type ApiError } from '../../api/request';
import { createTeam } from '../teams/teamsApi';
import { useT } from '../../i18n/I18nProvider';
import { teamKindLabelKey } from '../../i18n/labels';
import { navigate, teamPath } from '../../app/router';
import { getCommittees } from '../review/reviewApi';

const FIELDS = ['name', 'kind', 'lab', 'consortium'] as const;
type Field = (typeof FIELDS)[number];

/** "Nieuw team": name, kind (atelier / co-creatieteam), optional lab and consortium; opens the team. */
export function NewTeamForm() {
  const t = useT();
  const headingId = useId();
  const kindHintId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<TeamKind>('cocreatieteam');
  const [lab, setLab] = useState('');
  const [consortium, setConsortium] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  // A toetsingscommissie is offered to administrators only (the server refuses anyone else).
  const [mayCreateCommittee, setMayCreateCommittee] = useState(false);
  useEffect(() => {
    let cancelled = false;
    getCommittees()
      .then((result) => !cancelled && setMayCreateCommittee(result.mayCreate))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);
  const kinds = TEAM_KINDS.filter((option) => option !== 'toetsingscommissie' || mayCreateCommittee);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const body = {
      name,
      kind,
      ...(lab.trim() ? { lab } : {}),
      ...(consortium.trim() ? { consortium } : {}),
    };
    const parsed = createTeamBody.safeParse(body);
    if (!parsed.success) {
      showErrorsAndFocus(formRef.current, () => setFieldErrors(zodFieldErrors(parsed.error.issues, FIELDS)));
      return;
    }
    setBusy(true);
    setFieldErrors({});
    setFormError(null);
    try {
      const created = await createTeam(parsed.data);
      navigate(teamPath(created.id));
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
    <section className="card page-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('newTeam.heading')}</h2>
      <form ref={formRef} className="form-stack" onSubmit={onSubmit} noValidate data-testid="new-team-form">
        <TextField
          label={t('newTeam.name')}
          type="text"
          name="name"
          autoComplete="off"
          maxLength={200}
          required
          value={name}
          onChange={setName}
          error={fieldErrors.name}
        />
        <fieldset className="radio-group" aria-describedby={kindHintId}>
          <legend>{t('newTeam.kind')}</legend>
          <p id={kindHintId} className="field__hint">
            {t('newTeam.kindHint')}
          </p>
          <TermHelp term="cocreatieteam" />
          {mayCreateCommittee ? <TermHelp term="toetsingscommissie" /> : null}
          <RadioOptions
            name="kind"
            options={kinds}
            value={kind}
            onChange={setKind}
            labelOf={(option) => t(teamKindLabelKey(option))}
          />
          {fieldErrors.kind ? (
            <p className="field__error" role="alert">
              {fieldErrors.kind}
            </p>
          ) : null}
        </fieldset>
        <div className="form-row">
          <TextField
            label={t('newTeam.lab')}
            hint={t('common.optional')}
            type="text"
            name="lab"
            autoComplete="off"
            maxLength={200}
            value={lab}
            onChange={setLab}
            error={fieldErrors.lab}
          />
          <TextField
            label={t('newTeam.consortium')}
            hint={t('common.optional')}
            type="text"
            name="consortium"
            autoComplete="off"
            maxLength={200}
            value={consortium}
            onChange={setConsortium}
            error={fieldErrors.consortium}
          />
        </div>
        {formError ? <ErrorMessage error={formError} /> : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" aria-disabled={busy ? true : undefined}>
            {busy ? t('common.creating') : t('newTeam.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
