import type { RefObject } from 'react';
import { useT } from '../i18n/I18nProvider';

/**
 * "Annuleren" for an inline step (a confirmation, a reply or edit form): runs `onCancel`, then
 * focuses `returnFocusTo` on the next frame, once the step is gone and its opener is back.
 */
export function CancelButton({
  onCancel,
  returnFocusTo,
  small = false,
}: {
  onCancel: () => void;
  returnFocusTo?: RefObject<HTMLElement | null>;
  small?: boolean;
}) {
  const t = useT();
  return (
    <button
      type="button"
      className={small ? 'button button--small' : 'button'}
      onClick={() => {
        onCancel();
        if (returnFocusTo) requestAnimationFrame(() => returnFocusTo.current?.focus());
      }}
    >
      {t('common.cancel')}
    </button>
  );
}
