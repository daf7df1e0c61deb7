/**
 * The certificates as export blocks (the outline's Block, so the HTML and docx writers of the
 * design exports write them too). Dutch, like every export.
 */
import type {
  CertificateEvc,
  CertificateIssuer,
  CertificateRecipient,
  DesignCertificate,
  LoadRange,
  TrajectCertificate,
} from '../../shared/domain/certificate';
import { EVC_FIELDS, EVC_FIELD_HEADINGS_NL, type EvcProcedure } from '../../shared/domain/evcProcedure';
import type { Block } from './outline';

/** A line to write on: the place-holders for the participant's name, the date and a signature. */
export const BLANK = '______________________________';

// Made on first use, as the other formatters (server/render/labelsNl.ts).
let numberNl: Intl.NumberFormat | undefined;

/** A number the Dutch way: "3,5". */
const nl = (value: number) =>
  (numberNl ??= new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 })).format(value);

/** "3 ECTS" or "3–5 ECTS". */
const range = ({ min, max }: LoadRange, unit: string) =>
  min === max ? `${nl(min)} ${unit}` : `${nl(min)}–${nl(max)} ${unit}`;

function recipientPairs(recipient: CertificateRecipient): Array<[string, string]> {
  return [
    ['Naam deelnemer', recipient.participantName ?? BLANK],
    ['Datum van afronding', recipient.issuedOn ?? BLANK],
  ];
}

function issuerPairs(issuer: CertificateIssuer): Array<[string, string]> {
  const pairs: Array<[string, string]> = [['Team', issuer.team || '—']];
  if (issuer.lab) pairs.push(['Co-creatielab', issuer.lab]);
  if (issuer.consortium) pairs.push(['Educatief Consortium', issuer.consortium]);
  return pairs;
}

/** The team's procedure, one sub-heading per written field. */
function procedureBlocks(procedure: EvcProcedure): Block[] {
  return EVC_FIELDS.filter((field) => procedure[field].trim()).flatMap((field): Block[] => [
    { type: 'heading', level: 3, text: EVC_FIELD_HEADINGS_NL[field] },
    { type: 'text', text: procedure[field] },
  ]);
}

function designEvcBlocks(evc: CertificateEvc, team: string): Block[] {
  const own: Block[] = evc.designText ? [{ type: 'text', text: evc.designText }] : [];
  if (!evc.followsTeamProcedure || !evc.teamProcedure) return own.length ? own : [{ type: 'empty' }];
  return [
    { type: 'text', text: `Dit leerarrangement volgt de EVC-procedure van ${team}.` },
    ...procedureBlocks(evc.teamProcedure),
    ...(own.length
      ? [{ type: 'heading', level: 3, text: 'Aanvullend voor dit leerarrangement' } as const, ...own]
      : []),
  ];
}

function signatureBlocks(issuer: CertificateIssuer): Block[] {
  return [
    { type: 'heading', level: 2, text: 'Ondertekening' },
    {
      type: 'meta',
      pairs: [
        [`Namens ${issuer.consortium ?? issuer.team}`, BLANK],
        ['Plaats en datum', BLANK],
      ],
    },
  ];
}

/** The blocks of a leerarrangement's certificate. */
export function designCertificateOutline(certificate: DesignCertificate): Block[] {
  const { studyLoad, frame, issuer } = certificate;
  const load =
    studyLoad.ects === null
      ? 'nog niet vastgesteld'
      : `${nl(studyLoad.ects)} ECTS (${nl(studyLoad.hours ?? 0)} uur, ${nl(studyLoad.hoursPerEcts)} uur per ECTS)`;
  return [
    { type: 'heading', level: 1, text: `Certificaat: ${certificate.title || 'leerarrangement'}` },
    {
      type: 'text',
      text: `Leerarrangement binnen het ontwikkelpad ${frame.title} (versie ${frame.version}).`,
    },
    {
      type: 'meta',
      pairs: [
        ...recipientPairs(certificate.recipient),
        ['Studiebelasting', load],
        ['NLQF-niveau', certificate.nlqfLevel === null ? '—' : String(certificate.nlqfLevel)],
        ['Ontwikkelpad', `${frame.title}, versie ${frame.version}`],
        ...issuerPairs(issuer),
      ],
    },
    { type: 'heading', level: 2, text: 'Behaalde leeruitkomsten' },
    { type: 'text', text: 'De deelnemer heeft met bewijzen aangetoond deze leeruitkomsten te beheersen.' },
    certificate.outcomes.length
      ? {
          type: 'table',
          columns: ['Code', 'Leeruitkomst', 'Vereist bewijs'],
          rows: certificate.outcomes.map((outcome) => [
            outcome.code || '—',
            outcome.title,
            outcome.evidence || '—',
          ]),
        }
      : { type: 'empty' },
    { type: 'heading', level: 2, text: 'Erkenning van eerder verworven competenties' },
    ...designEvcBlocks(certificate.evc, issuer.team),
    ...signatureBlocks(issuer),
  ];
}

function trajectLoad(certificate: TrajectCertificate): string {
  const { ects, hours, hoursPerEcts, unknownParts } = certificate.studyLoad;
  if (unknownParts === certificate.parts.length) return 'nog niet vastgesteld';
  const route = ects.min === ects.max ? '' : ', afhankelijk van de gekozen leerarrangementen';
  const unknown = unknownParts
    ? `; van ${unknownParts} leerarrangement(en) is de omvang nog niet vastgesteld`
    : '';
  return `${range(ects, 'ECTS')} (${range(hours, 'uur')}, ${nl(hoursPerEcts)} uur per ECTS${route}${unknown})`;
}

/** The blocks of a whole traject's certificate. */
export function trajectCertificateOutline(certificate: TrajectCertificate): Block[] {
  const { frame, issuer, parts } = certificate;
  const gaps = certificate.outcomes.filter((outcome) => outcome.coveredBy.length === 0);
  const partTitle = (index: number) => parts[index]?.certificate.title || `Leerarrangement ${index + 1}`;
  return [
    { type: 'heading', level: 1, text: `Certificaat: ${certificate.title || 'professionaliseringstraject'}` },
    {
      type: 'text',
      text:
        `Professionaliseringstraject volgens het ontwikkelpad ${frame.title} (versie ${frame.version}). ` +
        'Wie de deelcertificaten van alle leerarrangementen inlevert, ontvangt dit certificaat voor het geheel.',
    },
    {
      type: 'meta',
      pairs: [
        ...recipientPairs(certificate.recipient),
        ['Studiebelasting', trajectLoad(certificate)],
        ['NLQF-niveau', certificate.nlqfLevel === null ? '—' : String(certificate.nlqfLevel)],
        ['Ontwikkelpad', `${frame.title}, versie ${frame.version}`],
        ...issuerPairs(issuer),
      ],
    },
    ...(certificate.complete
      ? []
      : [
          {
            type: 'text',
            text:
              `Let op: nog niet gedekt: ${gaps.map((gap) => gap.code || gap.title).join(', ') || 'er zijn geen leeruitkomsten'}. ` +
              'Dit certificaat kan pas worden uitgereikt als de leerarrangementen samen elke leeruitkomst dekken.',
          } as const,
        ]),
    { type: 'heading', level: 2, text: 'Leeruitkomsten van het ontwikkelpad' },
    {
      type: 'table',
      columns: ['Code', 'Leeruitkomst', 'Behaald in'],
      rows: certificate.outcomes.map((outcome) => [
        outcome.code || '—',
        outcome.title,
        outcome.coveredBy.map(partTitle).join('; ') || 'niet gedekt',
      ]),
    },
    { type: 'heading', level: 2, text: 'Deelcertificaten' },
    parts.length
      ? {
          type: 'table',
          columns: ['Leerarrangement', 'Leeruitkomsten', 'Studiebelasting', 'Uitgegeven door', 'Plaats'],
          rows: parts.map(({ certificate: part, alternativeGroup }, index) => [
            partTitle(index),
            part.outcomes.map((outcome) => outcome.code || outcome.title).join(', ') || '—',
            part.studyLoad.ects === null ? '—' : `${nl(part.studyLoad.ects)} ECTS`,
            part.issuer.team || '—',
            alternativeGroup ? `keuze binnen ${alternativeGroup}` : 'onderdeel van elke route',
          ]),
        }
      : { type: 'empty' },
    { type: 'heading', level: 2, text: 'Erkenning van eerder verworven competenties' },
    ...(certificate.evcProcedure
      ? [
          {
            type: 'text',
            text: `Eerder verworven competenties worden erkend volgens de EVC-procedure van ${issuer.team}.`,
          } as const,
          ...procedureBlocks(certificate.evcProcedure),
        ]
      : [{ type: 'text', text: `${issuer.team} heeft nog geen EVC-procedure vastgelegd.` } as const]),
    ...signatureBlocks(issuer),
  ];
}
