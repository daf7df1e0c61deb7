import type { Editor } from '@tiptap/core';
import { absolutePositionToRelativePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { textAnchorFromRelative } from '../../../shared/comments/anchors';
import type { Anchor, TextAnchor } from '../../../shared/schemas/rounds';
import { captureReadingPosition } from './readingPosition';

/** A text anchor to highlight in the editors, and the thread it belongs to. */
export interface Highlight {
  threadId: string;
  anchor: TextAnchor;
}

/** What the composer should open with (the panel picks it up). */
export type ComposeRequest =
  { id: number; anchor: Anchor | null } | { id: number; error: 'noSelection' | 'notInText' };

/** What y-tiptap's sync plugin keeps for an editor: the Y type it edits and the PM ↔ Y mapping. */
interface SyncBinding {
  doc: Y.Doc;
  type: Y.XmlFragment;
  mapping: Map<unknown, unknown>;
}

/**
 * The editor's selection. While the editor has focus it is read from the DOM: ProseMirror takes a
 * keyboard selection (Shift+Home) in on the next `selectionchange` event, and a shortcut pressed
 * right after can arrive before it — the comment would then see an empty selection.
 */
function liveSelection(editor: Editor): { from: number; to: number } {
  const { view } = editor;
  const selection = view.dom.ownerDocument.getSelection();
  if (view.hasFocus() && selection?.anchorNode && selection.focusNode) {
    if (view.dom.contains(selection.anchorNode) && view.dom.contains(selection.focusNode)) {
      try {
        const anchor = view.posAtDOM(selection.anchorNode, selection.anchorOffset);
        const head = view.posAtDOM(selection.focusNode, selection.focusOffset);
        return { from: Math.min(anchor, head), to: Math.max(anchor, head) };
      } catch {
        // A DOM position ProseMirror does not map: fall back to its own state.
      }
    }
  }
  const { from, to } = editor.state.selection;
  return { from, to };
}

/** The y-tiptap binding of an editor, if its Collaboration extension is running. */
function syncBindingOf(editor: Editor): SyncBinding | null {
  const state = ySyncPluginKey.getState(editor.state) as { binding?: SyncBinding } | undefined;
  return state?.binding ?? null;
}

/**
 * What the editors of one page and its comments panel share: every RichTextEditor registers its
 * Tiptap editor by fragment name, the panel publishes the anchors to highlight (and which thread is
 * active), item buttons ask the panel to open its composer, and the open-thread counts flow back
 * for the toggle button and item badges. A small external store (useSyncExternalStore).
 */
export class CommentsRegistry {
  private readonly editors = new Map<string, Editor>();
  private lastFragment: string | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly highlightListeners = new Set<() => void>();
  private readonly clickListeners = new Set<(threadId: string) => void>();
  private version = 0;
  private composeCounter = 0;

  highlights: Highlight[] = [];
  activeThreadId: string | null = null;
  /** Open threads per structured item (`itemKey`). */
  itemCounts = new Map<string, number>();
  openCount = 0;
  panelOpen: boolean;
  canComment: boolean;
  /** Page y (px) of the selection the last compose request was made on: where its card goes first. */
  composeTop: number | null = null;
  /** Threads sit in the margin beside the text (a wide screen): composing does not open the panel. */
  marginMode = false;
  /** Puts the text read before the panel opened or closed back in its place (see `restoreReadingPosition`). */
  private pendingRestore: (() => void) | null = null;

  constructor(options: { panelOpen: boolean; canComment: boolean }) {
    this.panelOpen = options.panelOpen;
    this.canComment = options.canComment;
  }

  // --- store plumbing ---------------------------------------------------------------------------

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  private changed() {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }

  // --- editors ----------------------------------------------------------------------------------

  /** Called by RichTextEditor; answers the unregistration. */
  register(fragment: string, editor: Editor): () => void {
    this.editors.set(fragment, editor);
    const remember = () => {
      this.lastFragment = fragment;
    };
    editor.on('focus', remember);
    editor.on('selectionUpdate', remember);
    return () => {
      editor.off('focus', remember);
      editor.off('selectionUpdate', remember);
      if (this.editors.get(fragment) === editor) this.editors.delete(fragment);
      if (this.lastFragment === fragment) this.lastFragment = null;
    };
  }

  editorFor(fragment: string): Editor | undefined {
    return this.editors.get(fragment);
  }

  /**
   * The selection of the last-used editor as a text anchor (Tiptap positions → Yjs relative
   * positions → anchor), or why there is none.
   */
  selectionAnchor(): TextAnchor | 'noSelection' | 'notInText' {
    const fragment = this.lastFragment;
    const editor = fragment ? this.editors.get(fragment) : undefined;
    if (!fragment || !editor || editor.isDestroyed) return 'noSelection';
    const { from, to } = liveSelection(editor);
    if (from === to) return 'noSelection';
    const binding = syncBindingOf(editor);
    if (!binding) return 'notInText';
    try {
      const start = absolutePositionToRelativePosition(
        from,
        binding.type,
        binding.mapping as never,
      ) as Y.RelativePosition;
      const end = absolutePositionToRelativePosition(
        to,
        binding.type,
        binding.mapping as never,
      ) as Y.RelativePosition;
      const anchor = textAnchorFromRelative(binding.doc, fragment, start, end);
      const quote = editor.state.doc.textBetween(from, to, '\n').trim();
      this.composeTop = editor.view.coordsAtPos(from).top + window.scrollY;
      return { ...anchor, quote: (quote || anchor.quote).slice(0, 2000) };
    } catch {
      return 'notInText';
    }
  }

  // --- highlights -------------------------------------------------------------------------------

  subscribeHighlights(listener: () => void): () => void {
    this.highlightListeners.add(listener);
    return () => this.highlightListeners.delete(listener);
  }

  setHighlights(highlights: Highlight[], activeThreadId: string | null) {
    const same =
      activeThreadId === this.activeThreadId &&
      highlights.length === this.highlights.length &&
      highlights.every(
        (highlight, index) =>
          highlight.threadId === this.highlights[index]?.threadId &&
          highlight.anchor === this.highlights[index]?.anchor,
      );
    if (same) return;
    this.highlights = highlights;
    this.activeThreadId = activeThreadId;
    for (const listener of this.highlightListeners) listener();
  }

  /** A highlight in the text was clicked. */
  threadClicked(threadId: string) {
    for (const listener of this.clickListeners) listener(threadId);
  }

  onThreadClick(listener: (threadId: string) => void): () => void {
    this.clickListeners.add(listener);
    return () => this.clickListeners.delete(listener);
  }

  // --- panel state ------------------------------------------------------------------------------

  setPanelOpen(open: boolean) {
    if (this.panelOpen === open) return;
    this.rememberReadingPosition();
    this.panelOpen = open;
    this.changed();
  }

  private rememberReadingPosition() {
    if (typeof document === 'undefined') return;
    this.pendingRestore = captureReadingPosition(document.querySelector('.comments-layout__main'));
  }

  /** Called once the panel's change is laid out: the text read before is where it was. */
  restoreReadingPosition() {
    const restore = this.pendingRestore;
    this.pendingRestore = null;
    restore?.();
  }

  setMarginMode(margin: boolean) {
    if (this.marginMode === margin) return;
    this.marginMode = margin;
    this.changed();
  }

  /** How many toggle buttons show the panel (without one the panel cannot be closed). */
  toggles = 0;

  /** Called by CommentsToggle while it is mounted; answers the unregistration. */
  addToggle(): () => void {
    this.toggles += 1;
    this.changed();
    return () => {
      this.toggles -= 1;
      if (this.toggles === 0) this.panelOpen = true;
      this.changed();
    };
  }

  setCanComment(canComment: boolean) {
    if (this.canComment === canComment) return;
    this.canComment = canComment;
    this.changed();
  }

  setCounts(openCount: number, itemCounts: Map<string, number>) {
    const same =
      openCount === this.openCount &&
      itemCounts.size === this.itemCounts.size &&
      [...itemCounts].every(([key, count]) => this.itemCounts.get(key) === count);
    if (same) return;
    this.openCount = openCount;
    this.itemCounts = itemCounts;
    this.changed();
  }

  private readonly composeListeners = new Set<(request: ComposeRequest) => void>();

  /**
   * Opens the panel's composer: on the current selection ('selection'), on an item, or on the whole
   * document (null). The selection is turned into an anchor now, while it is still there.
   */
  requestCompose(target: 'selection' | Anchor | null) {
    this.composeCounter += 1;
    const id = this.composeCounter;
    let request: ComposeRequest;
    if (target === 'selection') {
      const anchor = this.selectionAnchor();
      request = typeof anchor === 'string' ? { id, error: anchor } : { id, anchor };
    } else {
      request = { id, anchor: target };
    }
    // In the margin the composer opens beside the text; elsewhere it is in the panel.
    if (!this.marginMode && !this.panelOpen) {
      this.rememberReadingPosition();
      this.panelOpen = true;
    }
    this.changed();
    for (const listener of this.composeListeners) listener(request);
  }

  /** The panel listens for compose requests. */
  onCompose(listener: (request: ComposeRequest) => void): () => void {
    this.composeListeners.add(listener);
    return () => this.composeListeners.delete(listener);
  }
}
