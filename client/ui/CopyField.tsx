import { useId, useRef, useState } from 'react';
import { useT } from '../i18n/I18nProvider';
import { Copy } from 'lucide-react';

/**
 * A read-only text (a link) with a "Kopiëren" button. Uses the async clipboard API; where that is
 * missing or refused (no permission, insecure context) it selects the text and says how to copy it.
 */
export function CopyField({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const t = useT();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState<'copied' | 'manual' | null>(null);

  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(value);
      setResult('copied');
    } catch {
      inputRef.current?.focus();
      inputRef.current?.select();
      setResult('manual');
    }
  };

  return (
    <div className="copy-field">
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <div className="copy-field__row">
          <input
            id={id}
            ref={inputRef}
            type="text"
            readOnly
            value={value}
            data-testid={testId}
            onFocus={(event) => event.target.select()}
          />
          <button type="button" className="button" onClick={copy}>
            <Copy aria-hidden="true" />
            {t('copy.button')}
          </button>
        </div>
      </div>
      <p className="copy-field__status" role="status">
        {result === 'copied' ? t('copy.done') : result === 'manual' ? t('copy.manual') : ''}
      </p>
    </div>
  );
}
