import { useEffect } from 'react';
import '../../styles/rounds.css';
import type { RoundStatus } from '../../../shared/schemas/rounds';
import type { DocumentWithAccess } from '../documents/documentsApi';
import { subscribeEvents } from './roundsApi';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nl';
import { Link } from '../../app/Link';
import { pathForDocument } from '../../app/router';

/** "Open", "Gesloten — triage", "Afgerond" as a badge. */
export function RoundStatusBadge({ status }: { status: RoundStatus }) {
  const t = useT();
  return (
    <span
      className={`badge round-status round-status--${status}`}
      data-testid="round-status"
      data-status={status}
    >
      {t(`rounds.status.${status}` as MessageKey)}
    </span>
  );
}

/** The breadcrumb back to the document ("Terug naar …"). */
export function BackToEditor({ document, title }: { document: DocumentWithAccess; title: string }) {
  const t = useT();
  return (
    <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
      <ol>
        <li>
          <Link to={pathForDocument(document)} data-testid="back-to-editor">
            {t('rounds.backToEditor', { title })}
          </Link>
        </li>
      </ol>
    </nav>
  );
}

/** Calls `onChange` whenever the server says the comments or rounds behind `path` changed (SSE). */
export function useLiveRefetch(path: string | null, onChange: () => void): void {
  useEffect(() => {
    if (!path) return undefined;
    return subscribeEvents(path, onChange);
  }, [path, onChange]);
}

/** The value of a `<input type="date">` and `<input type="time">` as ISO 8601 with the local offset. */
export function localDateTimeToIso(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const local = new Date(`${date}T${time}:00`);
  if (Number.isNaN(local.getTime())) return null;
  const offset = -local.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  return `${date}T${time}:00${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

/** An ISO timestamp as the local date and time inputs' values. */
export function isoToLocalInputs(iso: string): { date: string; time: string } {
  const value = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`,
    time: `${pad(value.getHours())}:${pad(value.getMinutes())}`,
  };
}
