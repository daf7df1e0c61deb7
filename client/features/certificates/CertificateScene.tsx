import '../../styles/certificates.css';
import type { DesignCertificate, TrajectCertificate } from '../../../shared/domain/certificate';
import { Link } from '../../app/Link';
import { PageShell } from '../../app/PageShell';
import { designPath, trajectPath } from '../../app/router';
import { SceneLoadGate } from '../../app/SceneLoadGate';
import { useLoadable } from '../../api/useLoadable';
import { useT } from '../../i18n/I18nProvider';
import { RequireUser } from '../auth/RequireUser';
import {
  certificateFileUrl,
  getDesignCertificate,
  getTrajectCertificate,
  type CertificateOf,
} from './certificatesApi';
import { DesignCertificateView } from './DesignCertificateView';
import { TrajectCertificateView } from './TrajectCertificateView';
import { FileDown, Printer } from 'lucide-react';

/**
 * `/ontwerpen/:id/certificaat` and `/trajecten/:id/certificaat`: the certificate as the app
 * previews it, with its print page (save as PDF) and Word file.
 */
export function CertificateScene({ of, id }: { of: CertificateOf; id: string }) {
  return <RequireUser>{() => <CertificatePage of={of} id={id} />}</RequireUser>;
}

const loaders: Record<CertificateOf, (id: string) => Promise<DesignCertificate | TrajectCertificate>> = {
  design: getDesignCertificate,
  traject: getTrajectCertificate,
};

function CertificatePage({ of, id }: { of: CertificateOf; id: string }) {
  const t = useT();
  const certificate = useLoadable(id, loaders[of]);
  return (
    <SceneLoadGate
      state={certificate.state}
      loadingLabel={t('certificate.loading')}
      unavailableTestId="certificate-unavailable"
      headings={{ 404: t('certificate.notFound'), 403: t('certificate.noAccess') }}
      back={{ to: '/', label: t('common.toMyTeams') }}
    >
      {(data) => <CertificateView of={of} id={id} certificate={data} />}
    </SceneLoadGate>
  );
}

function CertificateView({
  of,
  id,
  certificate,
}: {
  of: CertificateOf;
  id: string;
  certificate: DesignCertificate | TrajectCertificate;
}) {
  const t = useT();
  const title = t('certificate.title', { title: certificate.title });
  const backTo = of === 'traject' ? trajectPath(id) : designPath(id);
  return (
    <PageShell title={title}>
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to={backTo} data-testid="certificate-back">
              {certificate.title}
            </Link>
          </li>
          <li aria-current="page">{t('certificate.crumb')}</li>
        </ol>
      </nav>
      <p className="eyebrow">
        {t(of === 'traject' ? 'certificate.eyebrowTraject' : 'certificate.eyebrowDesign')}
      </p>
      <h1 data-testid="certificate-title">{title}</h1>
      <p className="muted">{t(of === 'traject' ? 'certificate.derivedTraject' : 'certificate.derived')}</p>
      <ul className="certificate-actions" aria-label={t('certificate.downloads')}>
        <li>
          <a
            className="button"
            href={certificateFileUrl(of, id, 'html')}
            target="_blank"
            rel="noopener"
            data-testid="certificate-print"
          >
            <Printer aria-hidden="true" />
            {t('certificate.print')}
          </a>
        </li>
        <li>
          <a
            className="button"
            href={certificateFileUrl(of, id, 'docx')}
            download
            data-testid="certificate-docx"
          >
            <FileDown aria-hidden="true" />
            {t('certificate.docx')}
          </a>
        </li>
      </ul>
      <article
        className="certificate"
        aria-label={t('certificate.preview')}
        data-testid="certificate-preview"
      >
        {certificate.kind === 'traject' ? (
          <TrajectCertificateView certificate={certificate} />
        ) : (
          <DesignCertificateView certificate={certificate} />
        )}
      </article>
    </PageShell>
  );
}
