import { useId } from 'react';
import type { MailLanguage } from '../../../shared/domain/mail';
import { useI18n } from '../../i18n/I18nProvider';
import { TextField } from '../../ui/TextField';
import { useMailEnabled } from './useMailEnabled';

/** What an invitation form sends to have its link mailed. */
export interface InvitationMail {
  email: string;
  language: MailLanguage;
}

/** No address yet, in the inviter's own UI language. */
export function useInvitationMailStart(): InvitationMail {
  return { email: '', language: useI18n().language };
}

/** The body fields for an invitation: `email` and `language` only when an address was given. */
export function invitationMailBody(mail: InvitationMail): { email?: string; language?: MailLanguage } {
  return mail.email.trim() ? { email: mail.email.trim(), language: mail.language } : {};
}

/**
 * "Mailen naar" and the mail's language, for a team invite or a reviewer link. Nothing when this
 * Werkplaats sends no mail: the form then promises none.
 */
export function InvitationMailFields({
  value,
  onChange,
  error,
  testId,
}: {
  value: InvitationMail;
  onChange: (value: InvitationMail) => void;
  error?: string | undefined;
  testId: string;
}) {
  const { t } = useI18n();
  const languageId = useId();
  if (!useMailEnabled()) return null;
  return (
    <>
      <TextField
        label={t('inviteMail.email')}
        hint={t('inviteMail.emailHint')}
        type="email"
        autoComplete="off"
        value={value.email}
        onChange={(email) => onChange({ ...value, email })}
        error={error}
        data-testid={testId}
      />
      <div className="field">
        <label htmlFor={languageId}>{t('inviteMail.language')}</label>
        <select
          id={languageId}
          value={value.language}
          onChange={(event) => onChange({ ...value, language: event.target.value === 'en' ? 'en' : 'nl' })}
        >
          <option value="nl">{t('language.nl')}</option>
          <option value="en">{t('language.en')}</option>
        </select>
      </div>
    </>
  );
}
