import type { Editor } from '@tiptap/react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../i18n/I18nProvider';
import { TextField } from '../ui/TextField';
import { linkHref } from './linkHref';

/**
 * The toolbar's link form, under the toolbar: the address of the link on the selected text (or the
 * link the caret is in), set, changed or removed. A group rather than a <form>: the editor can sit
 * inside another form. Enter applies, Escape cancels; either way the caret goes back to the text.
 */
export function LinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const t = useT();
  const [current] = useState(() => editor.getAttributes('link').href as string | undefined);
  const [value, setValue] = useState(current ?? '');
  const [error, setError] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const close = () => {
    onClose();
    editor.commands.focus();
  };
  const apply = () => {
    const href = linkHref(value);
    if (!href) {
      setError(t('link.invalid'));
      input.current?.focus();
      return;
    }
    const chain = editor.chain().focus().extendMarkRange('link');
    // No text selected and no link to change: the address itself becomes the linked text.
    if (editor.state.selection.empty && !current)
      chain
        .insertContent({ type: 'text', text: value.trim(), marks: [{ type: 'link', attrs: { href } }] })
        .run();
    else chain.setLink({ href }).run();
    onClose();
  };
  const remove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Enter' && event.target === input.current) {
      event.preventDefault();
      apply();
    }
  };

  return (
    <div className="link-form" role="group" aria-label={t('link.form')} onKeyDown={onKeyDown}>
      <TextField
        ref={input}
        label={t('link.address')}
        hint={t('link.hint')}
        value={value}
        onChange={(next) => {
          setValue(next);
          setError(undefined);
        }}
        error={error}
        type="text"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
      />
      <div className="link-form__actions">
        <button type="button" className="button button--primary button--small" onClick={apply}>
          {t('link.apply')}
        </button>
        {current ? (
          <button type="button" className="button button--small" onClick={remove}>
            {t('link.remove')}
          </button>
        ) : null}
        <button type="button" className="button button--text button--small" onClick={close}>
          {t('link.cancel')}
        </button>
      </div>
    </div>
  );
}
