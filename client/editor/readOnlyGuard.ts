import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

/** Whether the guard currently refuses local changes (kept in the extension's storage). */
export interface ReadOnlyGuardStorage {
  locked: boolean;
}

declare module '@tiptap/core' {
  interface Storage {
    readOnlyGuard: ReadOnlyGuardStorage;
  }
}

const guardKey = new PluginKey('readOnlyGuard');

/**
 * Read-only text that a keyboard user can still move through and select (to comment on it): the
 * editor stays contenteditable — so it has a caret, Tab reaches it and Shift+arrows select — while
 * every local change is refused: input events are cancelled, paste and drop are ignored, an input
 * method is ended, and any transaction that would change the document is dropped unless it comes
 * from Yjs (everyone else's edits keep arriving live). `aria-readonly="true"` tells assistive
 * technology. With ProseMirror's own `editable: false` there is no caret at all.
 */
export const ReadOnlyGuard = Extension.create<{ locked: boolean }, ReadOnlyGuardStorage>({
  name: 'readOnlyGuard',
  addOptions() {
    return { locked: false };
  },
  addStorage() {
    return { locked: this.options.locked };
  },
  addProseMirrorPlugins() {
    const storage = this.storage;
    const locked = () => storage.locked;
    return [
      new Plugin({
        key: guardKey,
        filterTransaction: (tr) => !locked() || !tr.docChanged || tr.getMeta(ySyncPluginKey) !== undefined,
        props: {
          handleKeyDown: (view, event) => locked() && lineKey(view, event),
          handlePaste: () => locked(),
          handleDrop: () => locked(),
          handleDOMEvents: {
            beforeinput: (_view, event) => {
              if (!locked()) return false;
              event.preventDefault();
              return true;
            },
            compositionstart: (view) => {
              // An input method's text cannot be cancelled event by event: end it.
              if (locked()) view.dom.blur();
              return false;
            },
          },
        },
      }),
    ];
  },
});

/**
 * Home and End (with Shift: select) move to the start and end of the paragraph in locked text. The
 * browser's own handling of them is not reliable in text whose every input is refused: Chromium
 * 156.0.8078.129 extended a selection by one character on Shift+Home.
 */
function lineKey(view: EditorView, event: KeyboardEvent): boolean {
  if ((event.key !== 'Home' && event.key !== 'End') || event.altKey || event.ctrlKey || event.metaKey) {
    return false;
  }
  const { $head, anchor } = view.state.selection;
  if (!$head.parent.isTextblock) return false;
  const target = event.key === 'Home' ? $head.start() : $head.end();
  const selection = event.shiftKey
    ? TextSelection.create(view.state.doc, anchor, target)
    : TextSelection.create(view.state.doc, target);
  view.dispatch(view.state.tr.setSelection(selection).scrollIntoView());
  return true;
}
