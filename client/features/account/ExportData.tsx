import { useId } from 'react';
import { EXPORT_URL } from './accountApi';
import { useT } from '../../i18n/I18nProvider';
import { Download } from 'lucide-react';

/** Download all personal data as JSON (AVG: right of access and portability). */
export function ExportData() {
  const t = useT();
  const headingId = useId();
  return (
    <section className="card page-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('account.exportHeading')}</h2>
      <p>{t('account.exportBody')}</p>
      <p>
        <a
          className="button"
          href={EXPORT_URL}
          download="werkplaats-mijn-gegevens.json"
          data-testid="export-link"
        >
          <Download aria-hidden="true" />
          {t('account.exportLink')}
        </a>
      </p>
    </section>
  );
}
