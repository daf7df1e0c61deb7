import { flushSync } from 'react-dom';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useCurrentUser } from '../auth/CurrentUserProvider';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { TextField } from '../../ui/TextField';
import { showErrorsAndFocus } from '../../ui/fieldErrors';
import { deleteMe } from './accountApi';
import { toApiError, type ApiError } from '../../api/request';
import { useT } from '../../i18n/I18nProvider';
import { useApiErrorText } from '../../i18n/serverErrors';
import { navigate } from '../../app/router';
import { Trash2 } from 'lucide-react';

/**
 * Delete the account: a first button opens the confirmation (what happens, password), a second
 * one deletes. The server refuses (409) while the user is the last owner of a team with others.
 */
export function DeleteAccount() {
  const t = useT();
  const errorText = useApiErrorText();
  const headingId = useId();
  const { setSignedOut } = useCurrentUser();
  const formRef = useRef<HTMLFormElement>(null);
  const openButtonRef = useRef<HTMLButtonElement>(null);
  const [confirming, setConfirming] = useState(false);
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | undefined>();
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const cancel = () => {
    setConfirming(false);
    setPassword('');
    setPasswordError(undefined);
    setFormError(null);
    requestAnimationFrame(() => openButtonRef.current?.focus());
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (!password) {
      showErrorsAndFocus(formRef.current, () => setPasswordError(t('account.deletePasswordMissing')));
      return;
    }
    setBusy(true);
    setPasswordError(undefined);
    setFormError(null);
    try {
      await deleteMe({ password });
      // One render for both (see LogoutButton).
      flushSync(() => {
        setSignedOut();
        navigate('/inloggen?verwijderd=1');
      });
    } catch (caught) {
      const error = toApiError(caught);
      showErrorsAndFocus(formRef.current, () => {
        setBusy(false);
        if (error.code === 'wrong_password') setPasswordError(errorText(error));
        else setFormError(error);
      });
    }
  };

  return (
    <section className="card card--danger page-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('account.deleteHeading')}</h2>
      <p>{t('account.deleteBody')}</p>
      {confirming ? (
        <form ref={formRef} className="form-stack" onSubmit={onSubmit} noValidate data-testid="delete-form">
          <p>
            <strong>{t('account.deleteConfirm')}</strong>
          </p>
          <TextField
            label={t('account.deletePassword')}
            type="password"
            autoComplete="current-password"
            autoFocus
            value={password}
            onChange={setPassword}
            error={passwordError}
          />
          {formError ? <ErrorMessage error={formError} /> : null}
          <div className="form-actions">
            <button type="submit" className="button button--danger" aria-disabled={busy ? true : undefined}>
              {t('account.deleteSubmit')}
            </button>
            <button type="button" className="button" onClick={cancel}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button
          ref={openButtonRef}
          type="button"
          className="button button--danger"
          onClick={() => setConfirming(true)}
          data-testid="delete-open"
        >
          <Trash2 aria-hidden="true" />
          {t('account.deleteOpen')}
        </button>
      )}
    </section>
  );
}
