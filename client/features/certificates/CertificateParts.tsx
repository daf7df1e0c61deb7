import { useId, type ReactNode } from 'react';
import type {
  CertificateFrame,
  CertificateIssuer,
  CertificateRecipient,
} from '../../../shared/domain/certificate';
import { EVC_FIELDS, paragraphsOf, type EvcProcedure } from '../../../shared/domain/evcProcedure';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nl';

/** Message keys of the EVC procedure's fields, in the order they are shown. */
export const EVC_FIELD_LABELS: Record<keyof EvcProcedure, MessageKey> = {
  recognition: 'evc.recognition',
  coverage: 'evc.coverage',
  followUp: 'evc.followUp',
};

/** A plain text as paragraphs (blank lines separate them; single line breaks stay). */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {paragraphsOf(text).map((paragraph, index) => (
        <p key={index} className="prewrap">
          {paragraph}
        </p>
      ))}
    </>
  );
}

/** The written fields of an EVC procedure, each under a heading of `level`. */
export function EvcProcedureText({ procedure, level }: { procedure: EvcProcedure; level: 3 | 4 }) {
  const t = useT();
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <>
      {EVC_FIELDS.filter((field) => procedure[field].trim()).map((field) => (
        <div key={field} data-testid={`evc-${field}`}>
          <Heading>{t(EVC_FIELD_LABELS[field])}</Heading>
          <Paragraphs text={procedure[field]} />
        </div>
      ))}
    </>
  );
}

/** The facts at the top of a certificate: who, when, how much, which level, from whom. */
export function CertificateFacts({
  recipient,
  studyLoad,
  nlqfLevel,
  frame,
  issuer,
}: {
  recipient: CertificateRecipient;
  studyLoad: string;
  nlqfLevel: number | null;
  frame: CertificateFrame;
  issuer: CertificateIssuer;
}) {
  const t = useT();
  const blank = <span className="certificate__blank">{t('certificate.blank')}</span>;
  const facts: Array<[MessageKey, ReactNode]> = [
    ['certificate.participant', recipient.participantName ?? blank],
    ['certificate.date', recipient.issuedOn ?? blank],
    ['certificate.studyLoad', studyLoad],
    ['certificate.level', nlqfLevel ?? '—'],
    ['certificate.frame', t('certificate.frameValue', { ...frame })],
    ['certificate.team', issuer.team || '—'],
  ];
  if (issuer.lab) facts.push(['certificate.lab', issuer.lab]);
  if (issuer.consortium) facts.push(['certificate.consortium', issuer.consortium]);
  return (
    <dl className="facts facts--stacked" data-testid="certificate-facts">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt>{t(label)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The signature lines: on behalf of the consortium (or the team), place and date. */
export function Signature({ issuer }: { issuer: CertificateIssuer }) {
  const t = useT();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('certificate.signature')}</h2>
      <dl className="facts facts--stacked">
        <div>
          <dt>{t('certificate.signOnBehalf', { issuer: issuer.consortium ?? issuer.team })}</dt>
          <dd className="certificate__line" />
        </div>
        <div>
          <dt>{t('certificate.signPlaceDate')}</dt>
          <dd className="certificate__line" />
        </div>
      </dl>
    </section>
  );
}
