import { useMemo } from 'react';
import { useI18n } from './I18nProvider';

/** Formats ISO timestamps as a date and time in the UI language ("3 mrt 2026, 14:05"). */
export function useDateTimeFormat(): (iso: string) => string {
  const { locale } = useI18n();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    return (iso: string) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : format.format(date);
    };
  }, [locale]);
}

/** Formats ISO timestamps as a day in the UI language ("maandag 7 december 2026"). */
export function useDayFormat(): (iso: string) => string {
  const { locale } = useI18n();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { dateStyle: 'full' });
    return (iso: string) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : format.format(date);
    };
  }, [locale]);
}

/** Formats numbers in the UI language ("3,5"), at most two decimals. */
export function useNumberFormat(): (value: number) => string {
  const { locale } = useI18n();
  return useMemo(() => {
    const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    return (value: number) => format.format(value);
  }, [locale]);
}

/** Formats a size in bytes in the UI language, in decimal units ("12,3 MB", "2 GB"). */
export function useByteFormat(): (bytes: number) => string {
  const { locale } = useI18n();
  return useMemo(() => {
    const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    return (bytes: number) =>
      bytes >= 1e9 ? `${format.format(bytes / 1e9)} GB` : `${format.format(bytes / 1e6)} MB`;
  }, [locale]);
}
