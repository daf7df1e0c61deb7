import { useId } from 'react';
import type * as Y from 'yjs';
import { ListAddButton, ListRowActions, ListSection } from '../../../ui/ListRowControls';
import { YTextField } from '../../../editor/YTextField';
import { useT } from '../../../i18n/I18nProvider';
import { addSection, moveSection, removeSection, setField } from './draftActions';
import type { DraftView, SectionView } from './draftView';

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
  return (
    <ListSection
      heading={t('templateEditor.sections')}
      intro={<p className="muted">{t('templateEditor.sectionsIntro')}</p>}
      listClassName="section-list"
      data-testid="sections-editor"
      add={
        editable ? (
          <ListAddButton
            label={t('templateEditor.addSection')}
            data-testid="add-section"
            data-path="sections"
            onAdd={() => addSection(doc)}
            focusFor={(id) => `${sectionSelector(id)} [data-testid="section-heading"]`}
          />
        ) : null
      }
    >
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
    </ListSection>
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
    ? t('templateEditor.sectionName', { heading: section.heading.trim() })
    : t('templateEditor.sectionNew');
  return (
    <li className="section-row" data-testid="section-row" data-section-id={section.id}>
      <fieldset className="outcome-row__fieldset">
        <legend className="outcome-row__legend">
          {section.heading.trim() || t('templateEditor.sectionNew')}
        </legend>
        <div className="field">
          <label htmlFor={headingId}>{t('templateEditor.sectionHeading')}</label>
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
          <label htmlFor={guidanceId}>{t('templateEditor.sectionGuidance')}</label>
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
          <ListRowActions
            labels={{ up: t('templateEditor.up'), down: t('templateEditor.down') }}
            context={name}
            index={index}
            count={count}
            actions={{ up: 'section-up', down: 'section-down' }}
            rowSelector={sectionSelector(section.id)}
            onMove={(delta) => {
              moveSection(doc, section.id, delta);
              announce(t('templateEditor.announceMoved', { name, position: index + 1 + delta }));
            }}
            remove={{
              label: t('templateEditor.delete'),
              question: t('templateEditor.confirmRemove', { name }),
              testId: 'remove-section',
              focusAfter: '[data-testid="add-section"]',
              onRemove: () => {
                removeSection(doc, section.id);
                announce(t('templateEditor.announceRemoved', { name }));
              },
            }}
          />
        ) : null}
      </fieldset>
    </li>
  );
}
