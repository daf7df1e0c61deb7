import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
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
