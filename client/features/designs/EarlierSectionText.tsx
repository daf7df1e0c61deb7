import { useId, useRef, useState } from 'react';
import { sectionFragmentName } from '../../../shared/editor/fields';
import { RichTextEditor } from '../../editor/RichTextEditor';
import { useT } from '../../i18n/I18nProvider';
import type { Section } from '../../collab/hooks';
import type { AwarenessUser, CollabSession } from '../../collab/session';
import { clearSectionText, moveSectionText, sectionPlainText } from './earlierText';

interface EarlierProps {
  session: CollabSession;
  user: AwarenessUser;
  editable: boolean;
  /** The plain-text field (Y.Text name) the text moves into; absent: copied by hand, then cleared. */
  moveTo?: string;
  /** Selector of what takes focus once the text is gone (the field it belongs to). */
  focusAfter: string;
}

/**
 * Text an older design wrote in a template section whose question is now a structured field: shown
 * read-only under that field, so nothing is lost, until the team moves it or clears it.
 */
export function EarlierSectionTexts({ sections, ...props }: EarlierProps & { sections: Section[] }) {
  const doc = props.session.ydoc;
  const withText = sections.filter((section) => sectionPlainText(doc, section.id) !== '');
  return (
    <>
      {withText.map((section) => (
        <EarlierSectionText key={section.id} section={section} {...props} />
      ))}
    </>
  );
}

function EarlierSectionText({
  section,
  session,
  user,
  editable,
  moveTo,
  focusAfter,
}: EarlierProps & { section: Section }) {
  const t = useT();
  const titleId = useId();
  const hintId = useId();
  const [confirming, setConfirming] = useState(false);
  // Cancelling swaps the two confirm buttons back for this one: focus returns to it, not to <body>.
  const clearButton = useRef<HTMLButtonElement>(null);
  const label = t('design.earlierText', { heading: section.heading });
  const done = (change: () => void) => {
    change();
    requestAnimationFrame(() => document.querySelector<HTMLElement>(focusAfter)?.focus());
  };
  return (
    <div
      className="earlier-text"
      role="group"
      aria-labelledby={titleId}
      data-testid="earlier-section-text"
      data-section-id={section.id}
    >
      <p id={titleId} className="earlier-text__title">
        {label}
      </p>
      <p id={hintId} className="field__hint">
        {t(moveTo ? 'design.earlierMoveHint' : 'design.earlierCopyHint')}
      </p>
      <RichTextEditor
        session={session}
        field={sectionFragmentName(section.id)}
        editorId={`earlier-${section.id}`}
        label={label}
        describedBy={hintId}
        user={user}
        editable={false}
        testId="earlier-section-editor"
      />
      {editable ? (
        <div className="earlier-text__actions">
          {moveTo ? (
            <button
              type="button"
              className="button"
              onClick={() => done(() => moveSectionText(session.ydoc, section.id, moveTo))}
            >
              {t('design.earlierMove')}
            </button>
          ) : confirming ? (
            <>
              <button
                type="button"
                className="button button--danger"
                onClick={() => done(() => clearSectionText(session.ydoc, section.id))}
              >
                {t('design.earlierClearConfirm')}
              </button>
              <button
                type="button"
                className="button"
                autoFocus
                onClick={() => {
                  setConfirming(false);
                  requestAnimationFrame(() => clearButton.current?.focus());
                }}
              >
                {t('design.earlierClearCancel')}
              </button>
            </>
          ) : (
            <button ref={clearButton} type="button" className="button" onClick={() => setConfirming(true)}>
              {t('design.earlierClear')}
            </button>
          )}
        </div>
      ) : null}
    </div>
  );
}
