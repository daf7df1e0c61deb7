import { useMemo } from 'react';
import { sectionFragmentName } from '../../shared/editor/fields';
import type { AwarenessUser, CollabSession } from '../collab/session';
import { RichTextEditor } from './RichTextEditor';

interface SectionEditorProps {
  session: CollabSession;
  sectionId: string;
  heading: string;
  /** The local user when the editor is created; later changes go through awareness. */
  user: AwarenessUser;
  /** False for read-only roles and after the connection ended. */
  editable: boolean;
}

/** DOM id for a section's editable element (section ids are opaque, so keep it id-safe). */
export function sectionEditorId(sectionId: string): string {
  return `section-editor-${sectionId.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** The rich-text editor of one section of a free document, bound to the section's fragment. */
const SECTION_HEADING_LEVELS: Array<3 | 4> = [3, 4];

export function SectionEditor({ session, sectionId, heading, user, editable }: SectionEditorProps) {
  const data = useMemo(() => ({ 'data-section-id': sectionId }) as const, [sectionId]);
  return (
    <RichTextEditor
      session={session}
      field={sectionFragmentName(sectionId)}
      editorId={sectionEditorId(sectionId)}
      label={heading}
      user={user}
      editable={editable}
      // Sections sit under the page h1 and the section h2, so text headings start at h3.
      headingLevels={SECTION_HEADING_LEVELS}
      testId="section-editor"
      data={data}
    />
  );
}
