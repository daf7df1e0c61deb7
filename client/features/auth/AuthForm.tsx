import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { z } from '../../../shared/schemas/zod';
import {
  serverFieldErrors,
  showErrorsAndFocus,
  zodFieldErrors,
  type FieldErrors,
} from '../../ui/fieldErrors';
import { ApiError, toApiError } from '../../api/request';
import { Link } from '../../app/Link';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useApiErrorText } from '../../i18n/serverErrors';

interface AuthFormOptions<F extends string, T> {
  /** The fields and their starting values; every key is a field the errors can name. */
  initial: Record<F, string>;
  /** Loads the check run before anything is sent (zod is not part of the first download). */
  schema: () => Promise<z.ZodType<T>>;
  /** Sends the checked values; a throw shows the server's error, success keeps the form busy. */
  submit: (data: T) => Promise<void>;
  /** Rewrites the messages of a failed check (a plainer text for one field). */
  adjustInvalid?: (errors: FieldErrors<NoInfer<F>>) => FieldErrors<NoInfer<F>>;
  /** A server error code that concerns one field only (`email_taken` → `email`). */
  codeField?: { code: string; field: NoInfer<F> };
}

export interface AuthFormState<F extends string> {
  formError: ApiError | null;
  busy: boolean;
  /** Starts loading the check, so it is there by the time the form is sent. */
  prepare: () => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => Promise<void>;
  /** The props that wire a TextField to field `name`: its value, change and error. */
  field: (name: F) => {
    name: F;
    value: string;
    onChange: (value: string) => void;
    error: string | undefined;
  };
}

/**
 * The state of a sign-in style form: values, the check before sending (errors per field, focus on
 * the first invalid one), busy while sending (a second submit does nothing), and the server's
 * error split over the fields or shown for the whole form.
 */
export function useAuthForm<F extends string, T>({
  initial,
  schema,
  submit,
  adjustInvalid = (errors) => errors,
  codeField,
}: AuthFormOptions<F, T>): AuthFormState<F> {
  const fields = Object.keys(initial) as F[];
  const [values, setValues] = useState(initial);
  const errorText = useApiErrorText();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<F>>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  // Set while the check loads: a second submit meanwhile must not send the form twice.
  const loadingCheck = useRef(false);

  const prepare = () => {
    schema().catch(() => undefined);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The form itself: where focus goes to the first invalid field.
    const form = event.currentTarget;
    if (busy || loadingCheck.current) return;
    loadingCheck.current = true;
    let check: z.ZodType<T>;
    try {
      check = await schema();
    } catch {
      setFormError(new ApiError(0, 'network', ''));
      return;
    } finally {
      loadingCheck.current = false;
    }
    const parsed = check.safeParse(values);
    if (!parsed.success) {
      showErrorsAndFocus(form, () => {
        setFieldErrors(adjustInvalid(zodFieldErrors(parsed.error.issues, fields)));
        setFormError(null);
      });
      return;
    }
    setBusy(true);
    setFieldErrors({});
    setFormError(null);
    try {
      await submit(parsed.data);
    } catch (caught) {
      const error = toApiError(caught);
      showErrorsAndFocus(form, () => {
        setBusy(false);
        if (codeField && error.code === codeField.code) {
          setFieldErrors({ [codeField.field]: errorText(error) } as FieldErrors<F>);
          return;
        }
        const split = serverFieldErrors(error, fields);
        setFieldErrors(split.fieldErrors);
        setFormError(split.rest ? error : null);
      });
    }
  };

  const field = (name: F) => ({
    name,
    value: values[name],
    onChange: (value: string) => setValues((current) => ({ ...current, [name]: value })),
    error: fieldErrors[name],
  });

  return { formError, busy, prepare, onSubmit, field };
}

/**
 * The card of a sign-in style form: its fields, the error for the whole form, the submit button
 * (with a busy text) and, under the card, the link to the other form ("Nog geen account?").
 */
export function AuthForm<F extends string>({
  form,
  testId,
  submitLabel,
  submittingLabel,
  switchTo,
  children,
}: {
  form: AuthFormState<F>;
  testId: string;
  submitLabel: string;
  submittingLabel: string;
  switchTo: { text: string; to: string; label: string };
  children: ReactNode;
}) {
  return (
    <>
      <form
        className="card form-stack"
        onSubmit={form.onSubmit}
        onFocus={form.prepare}
        noValidate
        data-testid={testId}
      >
        {children}
        {form.formError ? <ErrorMessage error={form.formError} /> : null}
        <div className="form-actions">
          <button
            type="submit"
            className="button button--primary"
            aria-disabled={form.busy ? true : undefined}
          >
            {form.busy ? submittingLabel : submitLabel}
          </button>
        </div>
      </form>
      <p className="form-switch">
        {switchTo.text} <Link to={switchTo.to}>{switchTo.label}</Link>
      </p>
    </>
  );
}
