import { useId } from 'react';
import type { DesignCertificate } from '../../../shared/domain/certificate';
import { useNumberFormat } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import { ScrollArea } from '../../ui/ScrollArea';
import { CertificateFacts, EvcProcedureText, Paragraphs, Signature } from './CertificateParts';

/** The preview of a leerarrangement's certificate: what the print page and the Word file hold. */
export function DesignCertificateView({ certificate }: { certificate: DesignCertificate }) {
  const t = useT();
  const number = useNumberFormat();
  const outcomesId = useId();
  const evcId = useId();
  const { studyLoad, evc, issuer } = certificate;
  const load =
    studyLoad.ects === null
      ? t('certificate.loadUnknown')
      : t('certificate.loadDesign', {
          ects: number(studyLoad.ects),
          hours: number(studyLoad.hours ?? 0),
          perEcts: number(studyLoad.hoursPerEcts),
        });
  return (
    <>
      <p>{t('certificate.frameDesign', { ...certificate.frame })}</p>
      <CertificateFacts
        recipient={certificate.recipient}
        studyLoad={load}
        nlqfLevel={certificate.nlqfLevel}
        frame={certificate.frame}
        issuer={issuer}
      />
      <section aria-labelledby={outcomesId}>
        <h2 id={outcomesId}>{t('certificate.outcomes')}</h2>
        {certificate.outcomes.length === 0 ? (
          <p className="empty-state">{t('certificate.outcomesEmpty')}</p>
        ) : (
          <>
            <p>{t('certificate.outcomesIntro')}</p>
            <ScrollArea label={t('certificate.outcomes')}>
              <table className="data-table" data-testid="certificate-outcomes">
                <thead>
                  <tr>
                    <th scope="col">{t('certificate.code')}</th>
                    <th scope="col">{t('certificate.outcome')}</th>
                    <th scope="col">{t('certificate.evidence')}</th>
                  </tr>
                </thead>
                <tbody>
                  {certificate.outcomes.map((outcome) => (
                    <tr key={outcome.id}>
                      <td>{outcome.code || '—'}</td>
                      <th scope="row">{outcome.title}</th>
                      <td className="prewrap">
                        {outcome.evidence || <em>{t('certificate.evidenceMissing')}</em>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollArea>
          </>
        )}
      </section>
      <section aria-labelledby={evcId} data-testid="certificate-evc">
        <h2 id={evcId}>{t('certificate.evc')}</h2>
        {evc.followsTeamProcedure && evc.teamProcedure ? (
          <>
            <p>{t('certificate.evcFollows', { team: issuer.team })}</p>
            <EvcProcedureText procedure={evc.teamProcedure} level={3} />
            {evc.designText ? <h3>{t('certificate.evcOwn')}</h3> : null}
          </>
        ) : null}
        {evc.designText ? (
          <Paragraphs text={evc.designText} />
        ) : evc.followsTeamProcedure ? null : (
          <p className="empty-state">{t('certificate.evcNone')}</p>
        )}
      </section>
      <Signature issuer={issuer} />
    </>
  );
}
