/**
 * THE extension list of the rich-text schema: the client's editor and the server's renderers
 * (HTML, Markdown, docx, print, catalog) build their schema from it, so a node the editor can make
 * is a node every output knows.
 */
import { getSchema, type AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import type { Schema } from '@tiptap/pm/model';

/** Every heading level the schema holds; the editor's toolbar offers only some of them. */
export const ALL_HEADING_LEVELS = [1, 2, 3, 4, 5, 6] as const;

/** A heading level of the schema. */
export type HeadingLevel = (typeof ALL_HEADING_LEVELS)[number];

/**
 * The schema's extensions. History comes from Collaboration (a Yjs UndoManager) in the editor, so
 * StarterKit's undo/redo is off; `headingLevels` limits what the editor makes, not what it shows.
 */
export function richTextExtensions(
  headingLevels: readonly HeadingLevel[] = ALL_HEADING_LEVELS,
): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: false,
      heading: { levels: [...headingLevels] },
    }),
  ];
}

let cachedSchema: Schema | undefined;

/** The ProseMirror schema of the extension list (built once). */
export function richTextSchema(): Schema {
  cachedSchema ??= getSchema(richTextExtensions());
  return cachedSchema;
}
