import type { Editor } from '@tiptap/core';
import { BubbleMenu } from '@tiptap/react/menus';
import { MessageSquarePlus } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/I18nProvider';
import { useRegistryState } from './EditorRegistry';

/**
 * The floating "Reageer" beside a text selection, for people who may comment: it opens the
 * composer on the selection, as Ctrl+Alt+M does. It follows the editor in the DOM, so Tab from a
 * keyboard selection reaches it; without a selection it is not in the page at all.
 */
export function SelectionCommentButton({ editor }: { editor: Editor }) {
  const t = useT();
  const registry = useRegistryState();
  const menuRef = useRef<HTMLDivElement>(null);
  // The menu's wrapper is made a tab stop by Tiptap; only the button inside should be one. Runs
  // after the menu's own effect (a child's effects run first).
  useEffect(() => menuRef.current?.setAttribute('tabindex', '-1'));
  if (!registry?.canComment) return null;
  return (
    <BubbleMenu
      ref={menuRef}
      editor={editor}
      pluginKey="commentSelectionButton"
      updateDelay={120}
      className="comment-bubble"
      data-testid="comment-bubble"
      shouldShow={({ view, state, from, to }) => {
        if (!registry.canComment || state.selection.empty) return false;
        if (!state.doc.textBetween(from, to, ' ').trim()) return false;
        // Keep it while focus moved from the text to the button itself (Tab).
        return view.hasFocus() || Boolean(menuRef.current?.contains(document.activeElement));
      }}
      options={{ placement: 'top-end', offset: 6 }}
    >
      <button
        type="button"
        className="button button--small comment-bubble__button"
        data-testid="comment-on-selection-floating"
        aria-label={t('margin.commentOnSelectionLabel')}
        aria-keyshortcuts="Control+Alt+M"
        // A mouse click must not take the selection away before it is read.
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => registry.requestCompose('selection')}
      >
        <MessageSquarePlus aria-hidden="true" size={16} />
        {t('margin.commentOnSelection')}
      </button>
    </BubbleMenu>
  );
}
