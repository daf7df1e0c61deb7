import type { ComponentProps } from 'react';
import { PASSWORD_MIN } from '../../../shared/domain/passwords';
import { useT } from '../../i18n/I18nProvider';
import { TextField } from '../../ui/TextField';

type Props = Omit<ComponentProps<typeof TextField>, 'type' | 'autoComplete' | 'minLength' | 'hint'>;

/** A field for choosing a password (sign-up, reset, change): the length rule as hint and minimum. */
export function NewPasswordField(props: Props) {
  const t = useT();
  return (
    <TextField
      type="password"
      autoComplete="new-password"
      minLength={PASSWORD_MIN}
      hint={t('signup.passwordRule', { min: PASSWORD_MIN })}
      {...props}
    />
  );
}
