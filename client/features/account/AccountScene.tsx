import { RequireUser } from '../auth/RequireUser';
import { PageShell } from '../../app/PageShell';
import type { CurrentUser } from './accountApi';
import { useT } from '../../i18n/I18nProvider';
import { DeleteAccount } from './DeleteAccount';
import { EmailNotificationsForm } from './EmailNotificationsForm';
import { ExportData } from './ExportData';
import { NameForm } from './NameForm';
import { PasswordForm } from './PasswordForm';

/** `/account`: "Mijn account" — name, password, mail preference, data export, account deletion. */
export function AccountScene() {
  return <RequireUser>{(user) => <AccountPage user={user} />}</RequireUser>;
}

function AccountPage({ user }: { user: CurrentUser }) {
  const t = useT();
  return (
    <PageShell title={t('account.pageTitle')} narrow>
      <h1>{t('account.heading')}</h1>
      <p className="lead">{t('account.signedInAs', { email: user.email })}</p>
      <NameForm user={user} />
      <PasswordForm />
      <EmailNotificationsForm />
      <ExportData />
      <DeleteAccount />
    </PageShell>
  );
}
