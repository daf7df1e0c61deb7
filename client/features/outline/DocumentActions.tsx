import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Ellipsis } from 'lucide-react';
import { useT } from '../../i18n/I18nProvider';

/**
 * The document's main actions (Versies, Feedback, Reacties, Exporteren) in the sticky header: in
 * the row on wide screens; on a phone behind one "Documentacties" button, so the header stays one
 * short row there.
 */
export function DocumentActions({ children }: { children: ReactNode }) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // A dialog or menu opened from an action (Versies, Exporteren) handles its own Escape.
    const inner = (event.target as Element).closest('dialog, [role="dialog"], [role="menu"]');
    if (event.key === 'Escape' && open && !inner) {
      event.stopPropagation();
      setOpen(false);
      document.getElementById(`${id}-toggle`)?.focus();
    }
  };
  return (
    <div className={open ? 'doc-actions doc-actions--open' : 'doc-actions'} onKeyDown={onKeyDown}>
      <button
        type="button"
        id={`${id}-toggle`}
        className="doc-actions__toggle"
        aria-expanded={open}
        aria-controls={id}
        aria-label={t('docHeader.actions')}
        data-testid="doc-actions-toggle"
        onClick={() => setOpen((was) => !was)}
      >
        <Ellipsis size={20} aria-hidden="true" />
      </button>
      <div id={id} className="doc-actions__list" role="group" aria-label={t('docHeader.actions')}>
        {children}
      </div>
    </div>
  );
}
