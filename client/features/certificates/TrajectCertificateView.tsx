import { useId } from 'react';
import type { LoadRange, TrajectCertificate } from '../../../shared/domain/certificate';
import { useNumberFormat } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import { ScrollArea } from '../../ui/ScrollArea';
import { CertificateFacts, EvcProcedureText, Signature } from './CertificateParts';

/** The preview of a whole traject's certificate, joined from its part-certificates. */
export function TrajectCertificateView({ certificate }: { certificate: TrajectCertificate }) {
  const t = useT();
  const number = useNumberFormat();
  const outcomesId = useId();
  const partsId = useId();
  const evcId = useId();
  const { studyLoad, parts, issuer } = certificate;
  const range = ({ min, max }: LoadRange) => (min === max ? number(min) : `${number(min)}–${number(max)}`);
  const load =
    studyLoad.unknownParts === parts.length
      ? t('certificate.loadUnknown')
      : [
          t('certificate.loadDesign', {
            ects: range(studyLoad.ects),
            hours: range(studyLoad.hours),
            perEcts: number(studyLoad.hoursPerEcts),
          }),
          studyLoad.ects.min === studyLoad.ects.max ? null : t('certificate.loadRoute'),
          studyLoad.unknownParts
            ? t('certificate.loadUnknownParts', { count: studyLoad.unknownParts })
            : null,
        ]
          .filter(Boolean)
          .join('; ');
  const partTitle = (index: number) => parts[index]?.certificate.title ?? '';
  const gaps = certificate.outcomes.filter((outcome) => outcome.coveredBy.length === 0);
  return (
    <>
      <p>{t('certificate.frameTraject', { ...certificate.frame })}</p>
      <CertificateFacts
        recipient={certificate.recipient}
        studyLoad={load}
        nlqfLevel={certificate.nlqfLevel}
        frame={certificate.frame}
        issuer={issuer}
      />
      {certificate.complete ? null : (
        <p className="notice" data-testid="certificate-incomplete">
          {t('certificate.incomplete', { codes: gaps.map((gap) => gap.code || gap.title).join(', ') || '—' })}
        </p>
      )}
      <section aria-labelledby={outcomesId}>
        <h2 id={outcomesId}>{t('certificate.pathOutcomes')}</h2>
        <ScrollArea label={t('certificate.pathOutcomes')}>
          <table className="data-table" data-testid="certificate-path-outcomes">
            <thead>
              <tr>
                <th scope="col">{t('certificate.code')}</th>
                <th scope="col">{t('certificate.outcome')}</th>
                <th scope="col">{t('certificate.achievedIn')}</th>
              </tr>
            </thead>
            <tbody>
              {certificate.outcomes.map((outcome) => (
                <tr key={outcome.id}>
                  <td>{outcome.code || '—'}</td>
                  <th scope="row">{outcome.title}</th>
                  <td>
                    {outcome.coveredBy.map(partTitle).join('; ') || <em>{t('certificate.notCovered')}</em>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      </section>
      <section aria-labelledby={partsId}>
        <h2 id={partsId}>{t('certificate.parts')}</h2>
        {parts.length === 0 ? (
          <p className="empty-state">{t('certificate.partsEmpty')}</p>
        ) : (
          <ScrollArea label={t('certificate.parts')}>
            <table className="data-table" data-testid="certificate-parts">
              <thead>
                <tr>
                  <th scope="col">{t('certificate.part')}</th>
                  <th scope="col">{t('certificate.outcomes')}</th>
                  <th scope="col">{t('certificate.studyLoad')}</th>
                  <th scope="col">{t('certificate.issuedBy')}</th>
                  <th scope="col">{t('certificate.place')}</th>
                </tr>
              </thead>
              <tbody>
                {parts.map(({ certificate: part, alternativeGroup }, index) => (
                  <tr key={index}>
                    <th scope="row">{part.title}</th>
                    <td>{part.outcomes.map((outcome) => outcome.code || outcome.title).join(', ') || '—'}</td>
                    <td>{part.studyLoad.ects === null ? '—' : `${number(part.studyLoad.ects)} ECTS`}</td>
                    <td>{part.issuer.team || '—'}</td>
                    <td>
                      {alternativeGroup
                        ? t('certificate.placeGroup', { group: alternativeGroup })
                        : t('certificate.placeAlways')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollArea>
        )}
      </section>
      <section aria-labelledby={evcId} data-testid="certificate-evc">
        <h2 id={evcId}>{t('certificate.evc')}</h2>
        {certificate.evcProcedure ? (
          <>
            <p>{t('certificate.evcTraject', { team: issuer.team })}</p>
            <EvcProcedureText procedure={certificate.evcProcedure} level={3} />
          </>
        ) : (
          <p className="empty-state">{t('certificate.evcTrajectNone', { team: issuer.team })}</p>
        )}
      </section>
      <Signature issuer={issuer} />
    </>
  );
}
