import { useId, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { sectionFragmentName } from '../../../shared/editor/fields';
import { YTextField } from '../../editor/YTextField';
import { RichTextEditor } from '../../editor/RichTextEditor';
import { sectionEditorId } from '../../editor/SectionEditor';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nl';
import type { Section } from '../../collab/hooks';
import type { AwarenessUser, CollabSession } from '../../collab/session';

const SECTION_HEADING_LEVELS: Array<3 | 4> = [3, 4];

/**
 * A plain-text section of the design (EVC approach, relation to the traject) with its hint: the
 * guidance of the template section asking the same question, else the form's own.
 */
export function TextSection({
  doc,
  name,
  fieldId,
  editable,
  heading,
  hint,
  guidance,
  children,
}: {
  doc: Y.Doc;
  name: string;
  fieldId: string;
  editable: boolean;
  heading: MessageKey;
  hint: MessageKey;
  guidance?: string | undefined;
  /** Shown under the field (text written earlier in the template's section). */
  children?: ReactNode;
}) {
  const t = useT();
  const hintId = useId();
  return (
    <section className="draft-section">
      <div className="field">
        <label htmlFor={fieldId} className="field__big-label">
          {t(heading)}
        </label>
        <FieldHint id={hintId} guidance={guidance} fallback={t(hint)} />
        <YTextField
          multiline
          id={fieldId}
          text={doc.getText(name)}
          rows={4}
          disabled={!editable}
          aria-describedby={hintId}
        />
      </div>
      {children}
    </section>
  );
}

/** A structured field's hint: the template's guidance for that question when it has one. */
export function FieldHint({
  id,
  guidance,
  fallback,
}: {
  id: string;
  guidance?: string | undefined;
  fallback: string;
}) {
  const t = useT();
  if (!guidance) {
    return (
      <p id={id} className="field__hint">
        {fallback}
      </p>
    );
  }
  return (
    <p id={id} className="field__hint" data-testid="field-guidance">
      <span className="visually-hidden">{t('design.guidance')}: </span>
      {guidance}
    </p>
  );
}

/** One rich-text section of the template, with the template's guidance as its description. */
export function DesignSection({
  session,
  section,
  guidance,
  user,
  editable,
}: {
  session: CollabSession;
  section: Section;
  guidance: string;
  user: AwarenessUser;
  editable: boolean;
}) {
  const t = useT();
  const headingId = useId();
  const hintId = useId();
  return (
    <section className="doc-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="doc-section__heading">
        {section.heading}
      </h3>
      {guidance ? (
        <p id={hintId} className="field__hint" data-testid="section-guidance">
          <span className="visually-hidden">{t('design.guidance')}: </span>
          {guidance}
        </p>
      ) : null}
      <RichTextEditor
        session={session}
        field={sectionFragmentName(section.id)}
        editorId={sectionEditorId(section.id)}
        label={section.heading}
        {...(guidance ? { describedBy: hintId } : {})}
        user={user}
        editable={editable}
        headingLevels={SECTION_HEADING_LEVELS}
        testId="section-editor"
      />
    </section>
  );
}
