import { useId } from 'react';
import type * as Y from 'yjs';
import { ConfirmButton } from '../../components/ConfirmButton';
import { YTextField } from '../../components/YTextField';
import { useT } from '../../i18n/I18nProvider';
import { addSection, moveSection, removeSection, setField } from './draftActions';
import type { DraftView, SectionView } from './draftView';
import { focusWhenRendered } from './focus';
import { ItemButton } from './ItemButton';

const sectionSelector = (id: string) => `[data-testid="section-row"][data-section-id="${CSS.escape(id)}"]`;

interface SectionsProps {
  doc: Y.Doc;
  view: DraftView;
  editable: boolean;
  announce: (message: string) => void;
}

/** The sections every leerarrangement made from this ontwikkelpad must have: heading + guidance. */
export function SectionsEditor({ doc, view, editable, announce }: SectionsProps) {
  const t = useT();
  const headingId = useId();
  return (
    <section className="draft-section" aria-labelledby={headingId} data-testid="sections-editor">
      <h2 id={headingId}>{t('op.sections')}</h2>
      <p className="muted">{t('op.sectionsIntro')}</p>
      <ol className="section-list">
        {view.sections.map((section, index) => (
          <SectionRow
            key={section.id}
            doc={doc}
            section={section}
            index={index}
            count={view.sections.length}
            editable={editable}
            announce={announce}
          />
        ))}
      </ol>
      {editable ? (
        <button
          type="button"
          className="button"
          data-testid="add-section"
          data-path="sections"
          onClick={() => {
            const id = addSection(doc);
            focusWhenRendered([`${sectionSelector(id)} [data-testid="section-heading"]`]);
          }}
        >
          {t('op.addSection')}
        </button>
      ) : null}
    </section>
  );
}

function SectionRow({
  doc,
  section,
  index,
  count,
  editable,
  announce,
}: Omit<SectionsProps, 'view'> & { section: SectionView; index: number; count: number }) {
  const t = useT();
  const headingId = useId();
  const guidanceId = useId();
  const name = section.heading.trim()
    ? t('op.sectionName', { heading: section.heading.trim() })
    : t('op.sectionNew');
  const move = (delta: -1 | 1) => {
    moveSection(doc, section.id, delta);
    announce(t('op.announceMoved', { name, position: index + 1 + delta }));
    focusWhenRendered([
      `${sectionSelector(section.id)} [data-action="${delta < 0 ? 'section-up' : 'section-down'}"]`,
      `${sectionSelector(section.id)} [data-action="${delta < 0 ? 'section-down' : 'section-up'}"]`,
    ]);
  };
  return (
    <li className="section-row" data-testid="section-row" data-section-id={section.id}>
      <fieldset className="outcome-row__fieldset">
        <legend className="outcome-row__legend">{section.heading.trim() || t('op.sectionNew')}</legend>
        <div className="field">
          <label htmlFor={headingId}>{t('op.sectionHeading')}</label>
          <input
            id={headingId}
            type="text"
            maxLength={120}
            autoComplete="off"
            value={section.heading}
            disabled={!editable}
            data-testid="section-heading"
            data-path={`sections.${section.id}.heading`}
            onChange={(event) => setField(section.map, 'heading', event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={guidanceId}>{t('op.sectionGuidance')}</label>
          {section.guidance ? (
            <YTextField
              multiline
              id={guidanceId}
              text={section.guidance}
              rows={2}
              disabled={!editable}
              data-testid="section-guidance"
            />
          ) : (
            <textarea id={guidanceId} disabled value="" rows={2} />
          )}
        </div>
        {editable ? (
          <div className="outcome-row__actions">
            <ItemButton
              label={t('op.up')}
              context={name}
              disabled={index === 0}
              data-action="section-up"
              onClick={() => move(-1)}
            />
            <ItemButton
              label={t('op.down')}
              context={name}
              disabled={index === count - 1}
              data-action="section-down"
              onClick={() => move(1)}
            />
            <ConfirmButton
              label={t('op.delete')}
              context={name}
              question={t('op.confirmRemove', { name })}
              testId="remove-section"
              onConfirm={() => {
                removeSection(doc, section.id);
                announce(t('op.announceRemoved', { name }));
                focusWhenRendered(['[data-testid="add-section"]']);
              }}
            />
          </div>
        ) : null}
      </fieldset>
    </li>
  );
}
