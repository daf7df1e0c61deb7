/** Dutch words of the exports: labels of the design's values, check statuses and dates. */
import type { RuleResult } from '../../shared/domain/design/rules';
import type {
  ActivityKind,
  LearningForm,
  LearningMode,
  MaterialStatus,
} from '../../shared/domain/design/types';
import type { DocumentSummary } from '../../shared/schemas/documents';

/** Dutch names of document kinds. */
export const DOCUMENT_KIND_NL: Record<DocumentSummary['kind'], string> = {
  document: 'Document',
  ontwikkelpad: 'Ontwikkelpad',
  leerarrangement: 'Leerarrangement',
};

/** Dutch names of learning modes. */
export const MODE_NL: Record<LearningMode, string> = {
  formeel: 'Formeel',
  'non-formeel': 'Non-formeel',
  informeel: 'Informeel',
};

/** Dutch names of activity kinds. */
export const ACTIVITY_KIND_NL: Record<ActivityKind, string> = {
  workshop: 'Workshop',
  intervisie: 'Intervisie',
  coaching: 'Coaching',
  'co-teaching': 'Co-teaching',
  werkplekleren: 'Werkplekleren',
  zelfstudie: 'Zelfstudie',
  praktijkopdracht: 'Praktijkopdracht',
  anders: 'Anders',
};

/** Dutch names of material statuses. */
export const MATERIAL_NL: Record<MaterialStatus, string> = {
  nieuw: 'Nieuw',
  'omgezet-opgewerkt': 'Omgezet / opgewerkt',
  bestaand: 'Bestaand',
};

/** Dutch names of learning forms (horizontal placement). */
export const LEARNING_FORM_NL: Record<LearningForm, string> = {
  collectief: 'Collectief',
  team: 'Team',
  individueel: 'Individueel',
};

/** Dutch names of a check's outcome. */
export const CHECK_STATUS_NL: Record<RuleResult['status'], string> = {
  pass: 'voldaan',
  fail: 'niet voldaan',
  warn: 'aandachtspunt',
  info: 'ter informatie',
  pending: 'nog niet bekend',
};

// Made on first use: building a formatter maps in ICU's calendar and time-zone data (~9 MB of
// RSS), which a sync server that never writes a date should not hold.
let dateTimeFormat: Intl.DateTimeFormat | undefined;
let dateFormat: Intl.DateTimeFormat | undefined;
const DATE_OPTIONS: Intl.DateTimeFormatOptions = {
  timeZone: 'Europe/Amsterdam',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
};

/** An ISO timestamp as "6 december 2026, 14:05" (Amsterdam time); unparsable input as given. */
export function dateTimeNl(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  dateTimeFormat ??= new Intl.DateTimeFormat('nl-NL', {
    ...DATE_OPTIONS,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const part = Object.fromEntries(dateTimeFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.day} ${part.month} ${part.year}, ${part.hour}:${part.minute}`;
}

/** An ISO date or timestamp as "6 december 2026" (Amsterdam date); unparsable input as given. */
export function dateNl(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  dateFormat ??= new Intl.DateTimeFormat('nl-NL', DATE_OPTIONS);
  return dateFormat.format(date);
}
