import { useEffect } from 'react';
import { useT } from '../../i18n/I18nProvider';
import { COMMENTS_PANEL_ID } from './CommentsPanel';
import { useRegistryState } from './EditorRegistry';

/** "Reacties (n open)": shows or hides the page's comments panel (inside an EditorRegistryProvider). */
export function CommentsToggle() {
  const t = useT();
  const registry = useRegistryState();
  useEffect(() => registry?.addToggle(), [registry]);
  if (!registry) return null;
  return (
    <button
      type="button"
      id="comments-toggle"
      className={`button button--small${registry.panelOpen ? ' button--pressed' : ''}`}
      aria-expanded={registry.panelOpen}
      aria-controls={COMMENTS_PANEL_ID}
      data-testid="comments-toggle"
      data-open-count={registry.openCount}
      onClick={() => {
        const open = !registry.panelOpen;
        registry.setPanelOpen(open);
        if (open) {
          requestAnimationFrame(() =>
            document
              .getElementById(COMMENTS_PANEL_ID)
              ?.querySelector<HTMLElement>('h2')
              ?.scrollIntoView({ block: 'nearest' }),
          );
        }
      }}
    >
      {t('comments.toggle', { count: registry.openCount })}
    </button>
  );
}
