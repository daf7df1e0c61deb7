import { useId, useRef, useState, type FormEvent } from 'react';
import type { Role } from '../../../shared/domain/roles';
import { addMemberBody } from '../../../shared/schemas/auth';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { RoleSelect } from './RoleSelect';
import { TextField } from '../../ui/TextField';
import {
  serverFieldErrors,
  showErrorsAndFocus,
  zodFieldErrors,
  type FieldErrors,
} from '../../ui/fieldErrors';
import { toApiError, type ApiError } from '../../api/request';
import { addMember } from './teamsApi';
import { useT } from '../../i18n/I18nProvider';
import { useApiErrorText } from '../../i18n/serverErrors';
import { roleLabelKey } from '../../i18n/labels';
import { UserPlus } from 'lucide-react';

const FIELDS = ['email', 'role'] as const;
type Field = (typeof FIELDS)[number];

/** "Lid toevoegen": adds someone who already has an account, by e-mail, with a role. */
export function AddMemberForm({
  teamId,
  onAdded,
}: {
  teamId: string;
  onAdded: (announcement: string) => void;
}) {
  const t = useT();
  const errorText = useApiErrorText();
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const parsed = addMemberBody.safeParse({ email, role });
    if (!parsed.success) {
      showErrorsAndFocus(formRef.current, () => setFieldErrors(zodFieldErrors(parsed.error.issues, FIELDS)));
      return;
    }
    setBusy(true);
    setFieldErrors({});
    setFormError(null);
    try {
      await addMember(teamId, parsed.data);
      setEmail('');
      setBusy(false);
      onAdded(t('members.added', { email: parsed.data.email, role: t(roleLabelKey(parsed.data.role)) }));
    } catch (caught) {
      const error = toApiError(caught);
      showErrorsAndFocus(formRef.current, () => {
        setBusy(false);
        if (error.code === 'user_not_found') {
          setFieldErrors({ email: errorText(error) });
          return;
        }
        const split = serverFieldErrors(error, FIELDS);
        setFieldErrors(split.fieldErrors);
        setFormError(split.rest ? error : null);
      });
    }
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('addMember.heading')}</h3>
      <p className="field__hint">{t('addMember.hint')}</p>
      <form
        ref={formRef}
        className="inline-form"
        onSubmit={onSubmit}
        noValidate
        data-testid="add-member-form"
      >
        <TextField
          label={t('addMember.email')}
          type="email"
          autoComplete="off"
          value={email}
          onChange={setEmail}
          error={fieldErrors.email}
        />
        <RoleSelect value={role} onChange={setRole} label={t('addMember.role')} />
        <button type="submit" className="button button--primary" aria-disabled={busy ? true : undefined}>
          <UserPlus aria-hidden="true" />
          {t('addMember.submit')}
        </button>
      </form>
      {formError ? <ErrorMessage error={formError} /> : null}
    </section>
  );
}
