import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { decodeRelative } from '../../../shared/comments/anchors';
import type { CommentsRegistry } from './CommentsRegistry';

const highlightKey = new PluginKey<DecorationSet>('commentHighlights');

interface Binding {
  doc: Y.Doc;
  type: Y.XmlFragment;
  mapping: Map<unknown, unknown>;
}

/** A Yjs shared type of any kind (XmlText, XmlElement, XmlFragment). */
type SharedType = Y.XmlText | Y.XmlElement | Y.XmlFragment;

/** True when `type` is the first live child of `parent`. */
function isFirstChild(parent: SharedType, type: SharedType): boolean {
  for (let item = parent._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    return item.content instanceof Y.ContentType && item.content.type === type;
  }
  return false;
}

/**
 * A Yjs relative position as a ProseMirror position (y-tiptap), or null. y-tiptap answers null for
 * a text position at the very start of the fragment (its "misresolved" guard for cursors treats
 * every text position ≤ 1 as suspect); a position at the start of the first text of the first
 * block is position 1, so that one is answered here.
 */
function toPmPosition(binding: Binding, encoded: string): number | null {
  const relative = decodeRelative(encoded);
  const position = relativePositionToAbsolutePosition(
    binding.doc,
    binding.type,
    relative,
    binding.mapping as never,
  );
  if (position !== null) return position;
  const absolute = Y.createAbsolutePositionFromRelativePosition(relative, binding.doc);
  if (!absolute || !(absolute.type instanceof Y.XmlText) || absolute.index !== 0) return null;
  let type: SharedType = absolute.type;
  while (type !== binding.type) {
    const parent: unknown = type._item?.parent;
    if (!(parent instanceof Y.XmlElement || parent instanceof Y.XmlFragment) || !isFirstChild(parent, type)) {
      return null;
    }
    type = parent;
  }
  return 1;
}

/** The anchored ranges of this fragment as inline decorations (the active thread stronger). */
function buildDecorations(state: EditorState, registry: CommentsRegistry, fragment: string): DecorationSet {
  const binding = (ySyncPluginKey.getState(state) as { binding?: Binding } | undefined)?.binding;
  if (!binding) return DecorationSet.empty;
  const size = state.doc.content.size;
  const decorations: Decoration[] = [];
  for (const { threadId, anchor } of registry.highlights) {
    if (anchor.fragment !== fragment) continue;
    let from: number | null;
    let to: number | null;
    try {
      from = toPmPosition(binding, anchor.start);
      to = toPmPosition(binding, anchor.end);
    } catch {
      continue;
    }
    if (from === null || to === null || from >= to || from < 0 || to > size) continue;
    const active = threadId === registry.activeThreadId;
    decorations.push(
      Decoration.inline(from, to, {
        class: active ? 'comment-highlight comment-highlight--active' : 'comment-highlight',
        'data-comment-thread': threadId,
      }),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

/**
 * Highlights the text anchors the comments panel publishes through the registry, in the editor of
 * `fragment`. Between recomputations the decorations follow local edits (mapped through each
 * transaction); after every change of the doc (and of the highlights) they are recomputed from the
 * Yjs relative positions, once y-tiptap's mapping has caught up. Clicking a highlight selects its
 * thread in the panel.
 */
export const CommentHighlights = Extension.create<{ registry: CommentsRegistry | null; fragment: string }>({
  name: 'commentHighlights',
  addOptions() {
    return { registry: null, fragment: '' };
  },
  addProseMirrorPlugins() {
    const { registry, fragment } = this.options;
    if (!registry) return [];
    return [
      new Plugin<DecorationSet>({
        key: highlightKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            const next = tr.getMeta(highlightKey) as DecorationSet | undefined;
            if (next) return next;
            return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
          },
        },
        props: {
          decorations: (state) => highlightKey.getState(state),
          handleClick(_view, _pos, event) {
            const target = event.target instanceof Element ? event.target : null;
            const threadId = target?.closest('[data-comment-thread]')?.getAttribute('data-comment-thread');
            if (threadId) registry.threadClicked(threadId);
            return false;
          },
        },
        view(view) {
          let timer: ReturnType<typeof setTimeout> | undefined;
          const recompute = () => {
            timer = undefined;
            if (view.isDestroyed) return;
            const decorations = buildDecorations(view.state, registry, fragment);
            view.dispatch(view.state.tr.setMeta(highlightKey, decorations).setMeta('addToHistory', false));
          };
          const schedule = () => {
            if (timer === undefined) timer = setTimeout(recompute, 0);
          };
          const unsubscribe = registry.subscribeHighlights(schedule);
          schedule();
          return {
            update(updated, previous) {
              if (updated.state.doc !== previous.doc) schedule();
            },
            destroy() {
              if (timer !== undefined) clearTimeout(timer);
              unsubscribe();
            },
          };
        },
      }),
    ];
  },
});
