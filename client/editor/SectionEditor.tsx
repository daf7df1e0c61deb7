import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useMemo, useState } from 'react';
import { sectionFragmentName } from '../../shared/editor/fields';
import { publishAwarenessUser } from '../realtime/hooks';
import type { AwarenessUser, CollabSession } from '../realtime/session';
import { renderCaret, renderSelection } from './carets';
import { EditorToolbar } from './EditorToolbar';

interface SectionEditorProps {
  session: CollabSession;
  sectionId: string;
  heading: string;
  /** The local user when the editor is created; later changes go through awareness. */
  user: AwarenessUser;
  /**
   * False for roles without `document.edit` (and after the connection ended): the text is
   * read-only but still follows everyone's changes live; the toolbar is not shown.
   */
  editable: boolean;
}

/** DOM id for a section's editable element (section ids are opaque, so keep it id-safe). */
export function sectionEditorId(sectionId: string): string {
  return `section-editor-${sectionId.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/**
 * The rich-text editor of one section, bound to the section's Y.XmlFragment. History comes from
 * Collaboration (a Yjs UndoManager that only tracks this user's own edits), so StarterKit's
 * undo/redo is switched off; Mod-z / Mod-Shift-z / Mod-y are Collaboration's shortcuts.
 */
export function SectionEditor({ session, sectionId, heading, user, editable }: SectionEditorProps) {
  const editorId = sectionEditorId(sectionId);
  // A changed name must not rebuild the editor; awareness carries name changes (useAwarenessUser).
  const [initialUser] = useState(user);
  // Created once per editor: new extension instances on every render would make useEditor
  // re-apply its options each time.
  const extensions = useMemo(
    () => [
      StarterKit.configure({
        undoRedo: false,
        // Sections sit under the page h1 and the section h2, so text headings start at h3.
        heading: { levels: [3, 4] },
      }),
      Collaboration.configure({ document: session.ydoc, field: sectionFragmentName(sectionId) }),
      CollaborationCaret.configure({
        provider: session.provider,
        user: { name: initialUser.name, color: initialUser.color },
        render: renderCaret,
        selectionRender: renderSelection,
      }),
    ],
    [session, sectionId, initialUser],
  );
  const editorProps = useMemo(
    () => ({
      attributes: {
        id: editorId,
        class: 'section-editor__content',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': heading,
        'aria-readonly': editable ? 'false' : 'true',
      },
    }),
    [editorId, heading, editable],
  );
  // No deps: the parent keys this component by session and section, so one editor lives exactly
  // as long as the component, and a changed heading reaches it through setOptions (editorProps).
  // Created in an effect (immediatelyRender: false) rather than during render, so it is created
  // once, not created, dropped and re-created when effects run late.
  const editor = useEditor({
    extensions,
    editorProps,
    editable,
    immediatelyRender: false,
    // CollaborationCaret announces the user it was configured with whenever its view starts,
    // which may be an older name; restate the current one (useEditor calls the latest callback).
    onMount: () => publishAwarenessUser(session, user),
  });

  // Access can change while the document is open (an owner changes the role): follow it live.
  useEffect(() => {
    if (editor && !editor.isDestroyed && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  return (
    <div
      className={`section-editor${editable ? '' : ' section-editor--readonly'}`}
      data-testid="section-editor"
      data-section-id={sectionId}
      data-editable={editable ? 'true' : 'false'}
    >
      {editor ? (
        <>
          {editable ? <EditorToolbar editor={editor} editorId={editorId} sectionHeading={heading} /> : null}
          <EditorContent editor={editor} />
        </>
      ) : (
        <div className="section-editor__pending" />
      )}
    </div>
  );
}
