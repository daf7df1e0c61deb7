import { isLicense, LICENSE_URLS, LICENSES, type License } from '../../../shared/domain/licenses';
import { useT } from '../../i18n/I18nProvider';

/** The licence's name, linked to its deed (plain text for a value that is not one of ours). */
export function LicenseLink({ license }: { license: string }) {
  if (!isLicense(license)) return <>{license}</>;
  return (
    <a href={LICENSE_URLS[license]} rel="license noopener" target="_blank">
      {license}
    </a>
  );
}

/**
 * The licence line of a catalog page: the entry's own licence and what it allows, or — on the
 * overview — that every entry carries the open licence its team chose (001 l.263, 279).
 */
export function CatalogLicense({ license }: { license?: string }) {
  const t = useT();
  return (
    <p className="catalog-license" data-testid="catalog-license">
      {license && isLicense(license) ? (
        <>
          {t('frames.catalogLicenseBefore')} <LicenseLink license={license} />
          {t(`frames.licenseTerms.${license satisfies License}`)}
        </>
      ) : (
        t('frames.catalogLicenseGeneral', { licenses: LICENSES.join(', ') })
      )}
    </p>
  );
}

/** On reuse: whoever takes it over answers for its quality (001 l.281), and the licence applies. */
export function ReuseResponsibility({ license }: { license: string }) {
  const t = useT();
  return (
    <p className="notice notice--info" data-testid="reuse-responsibility">
      {t('frames.reuseResponsibility', { license })}
    </p>
  );
}
