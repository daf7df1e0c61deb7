import { flushSync } from 'react-dom';
import type { ApiError } from '../api/request';

/** Error messages per form field. */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** The first message per field of a failed zod parse (issues outside `fields` are ignored). */
export function zodFieldErrors<F extends string>(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
  fields: readonly F[],
): FieldErrors<F> {
  const errors: FieldErrors<F> = {};
  for (const issue of issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && (fields as readonly string[]).includes(field)) {
      errors[field as F] ??= issue.message;
    }
  }
  return errors;
}

/**
 * Splits the server's 400 message ("email: Geen geldig e-mailadres; password: …") over the form's
 * fields. Anything that does not name one of `fields` stays a message for the whole form.
 */
export function serverFieldErrors<F extends string>(
  error: ApiError,
  fields: readonly F[],
): { fieldErrors: FieldErrors<F>; rest: boolean } {
  const fieldErrors: FieldErrors<F> = {};
  if (error.status !== 400 || !error.message) return { fieldErrors, rest: true };
  let rest = false;
  for (const part of error.message.split('; ')) {
    const match = /^([\w]+)(?:\.[\w.]+)?: (.+)$/.exec(part);
    const field = match?.[1];
    if (match && field && (fields as readonly string[]).includes(field)) {
      fieldErrors[field as F] ??= match[2];
    } else {
      rest = true;
    }
  }
  return { fieldErrors, rest };
}

/**
 * Applies error state synchronously, then moves focus to the first invalid field of `form`, so a
 * keyboard or screen-reader user lands on what needs fixing.
 */
export function showErrorsAndFocus(form: HTMLFormElement | null, apply: () => void): void {
  flushSync(apply);
  const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  invalid?.focus();
}
