import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import { memo, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { richTextExtensions } from '../../shared/editor/extensions';
import { isCtrlK } from '../app/ctrlK';
import { MAX_RICH_TEXT_DEPTH } from '../../shared/editor/xmlTree';
import { useCommentsRegistry } from '../features/comments/EditorRegistry';
import { CommentHighlights } from '../features/comments/highlights';
import { SelectionCommentButton } from '../features/comments/SelectionCommentButton';
import { publishAwarenessUser } from '../collab/hooks';
import type { AwarenessUser, CollabSession } from '../collab/session';
import { renderCaret, renderSelection } from './carets';
import { EditorToolbar } from './EditorToolbar';
import { useT } from '../i18n/I18nProvider';
import { ReadOnlyGuard } from './readOnlyGuard';
import { useRichTextDepth } from './useRichTextDepth';

type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/** Text headings under a page h1 and a section h2. */
const DEFAULT_HEADING_LEVELS: HeadingLevel[] = [3, 4];

export interface RichTextEditorProps {
  session: CollabSession;
  /** Name of the Y.XmlFragment this editor edits. */
  field: string;
  /** DOM id of the editable element (must be unique on the page). */
  editorId: string;
  /** Accessible name of the text area and its toolbar. */
  label: string;
  /** id of a hint read with the text area. */
  describedBy?: string;
  /** The local user when the editor is created; later changes go through awareness. */
  user: AwarenessUser;
  /**
   * False for roles without `document.edit` (and after the connection ended): the text is
   * read-only but still follows everyone's changes live; the toolbar is not shown.
   */
  editable: boolean;
  /** Heading levels inside the text, below the page's own headings. */
  headingLevels?: HeadingLevel[];
  testId?: string;
  /** Extra data-* attributes on the wrapper (e.g. data-section-id), for tests and styling. */
  data?: Record<`data-${string}`, string>;
}

/**
 * A collaborative rich-text editor bound to one Y.XmlFragment of the session's Y.Doc. History
 * comes from Collaboration (a Yjs UndoManager that only tracks this user's own edits), so
 * StarterKit's undo/redo is switched off; Mod-z / Mod-Shift-z / Mod-y are Collaboration's shortcuts.
 * The toolbar's first heading level is the one its "H" button makes. Memoised: the ontwikkelpad
 * form re-renders on every change of the doc, and an unchanged editor should not hear about it
 * (useEditor would re-apply its options on each render).
 */
export const RichTextEditor = memo(function RichTextEditor(props: RichTextEditorProps) {
  const t = useT();
  const depth = useRichTextDepth(props.session.ydoc.getXmlFragment(props.field));
  // ProseMirror renders nested nodes recursively: far past MAX_RICH_TEXT_DEPTH the browser's stack
  // runs out and the whole page fails. Such text (only a crafted update makes it) gets a notice.
  if (depth > MAX_RICH_TEXT_DEPTH) {
    return (
      <div
        className="section-editor section-editor--readonly"
        data-testid={props.testId ?? 'rich-text-editor'}
      >
        <p className="notice notice--info" role="status" data-testid="rich-text-too-deep">
          {t('editor.tooDeep', { depth, max: MAX_RICH_TEXT_DEPTH })}
        </p>
      </div>
    );
  }
  return <CollaborativeEditor {...props} />;
});

const CollaborativeEditor = memo(function CollaborativeEditor({
  session,
  field,
  editorId,
  label,
  describedBy,
  user,
  editable,
  headingLevels = DEFAULT_HEADING_LEVELS,
  testId = 'rich-text-editor',
  data,
}: RichTextEditorProps) {
  // A changed name must not rebuild the editor; awareness carries name changes (useAwarenessUser).
  const [initialUser] = useState(user);
  const [levels] = useState(headingLevels);
  const [initiallyEditable] = useState(editable);
  // Inside a comments provider (client/features/comments/EditorRegistry.tsx) the editor registers itself so
  // the panel can comment on its selection and highlight anchored ranges; without one, nothing changes.
  const registry = useCommentsRegistry();
  // Created once per editor: new extension instances on every render would make useEditor
  // re-apply its options each time.
  const extensions = useMemo(
    () => [
      ...richTextExtensions(levels),
      Collaboration.configure({ document: session.ydoc, field }),
      CollaborationCaret.configure({
        provider: session.provider,
        user: { name: initialUser.name, color: initialUser.color },
        render: renderCaret,
        selectionRender: renderSelection,
      }),
      ReadOnlyGuard.configure({ locked: !initiallyEditable }),
      ...(registry ? [CommentHighlights.configure({ registry, fragment: field })] : []),
    ],
    [session, field, initialUser, levels, registry, initiallyEditable],
  );
  const editorProps = useMemo(
    () => ({
      attributes: {
        id: editorId,
        class: 'section-editor__content',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': label,
        'aria-readonly': editable ? 'false' : 'true',
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      },
    }),
    [editorId, label, editable, describedBy],
  );
  // No deps: the parent keys this component by session and field, so one editor lives exactly
  // as long as the component, and a changed label reaches it through setOptions (editorProps).
  // Created in an effect (immediatelyRender: false) rather than during render, so it is created
  // once, not created, dropped and re-created when effects run late.
  const editor = useEditor({
    extensions,
    editorProps,
    // Read-only text stays caret-navigable and selectable (to comment on it); ReadOnlyGuard refuses
    // every local change instead of ProseMirror's editable: false (which has no caret).
    editable: true,
    immediatelyRender: false,
    // CollaborationCaret announces the user it was configured with whenever its view starts,
    // which may be an older name; restate the current one (useEditor calls the latest callback).
    onMount: () => publishAwarenessUser(session, user),
  });

  // Ctrl+K (⌘K) in the text asks the toolbar for its link form, as in most editors.
  const [linkRequest, setLinkRequest] = useState(0);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!isCtrlK(event) || !editable || !(event.target as HTMLElement).closest('.ProseMirror')) return;
    event.preventDefault();
    setLinkRequest((count) => count + 1);
  };

  useEffect(() => {
    if (!registry || !editor) return undefined;
    return registry.register(field, editor);
  }, [registry, editor, field]);

  // Access can change while the document is open (an owner changes the role): follow it live.
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.storage.readOnlyGuard.locked = !editable;
  }, [editor, editable]);

  return (
    <div
      className={`section-editor${editable ? '' : ' section-editor--readonly'}`}
      data-testid={testId}
      data-editable={editable ? 'true' : 'false'}
      onKeyDown={onKeyDown}
      {...data}
    >
      {editor ? (
        <>
          {editable ? (
            <EditorToolbar
              editor={editor}
              editorId={editorId}
              sectionHeading={label}
              headingLevel={levels[0] ?? 3}
              linkRequest={linkRequest}
            />
          ) : null}
          <EditorContent editor={editor} />
          {registry ? <SelectionCommentButton editor={editor} /> : null}
        </>
      ) : (
        <div className="section-editor__pending" />
      )}
    </div>
  );
});
