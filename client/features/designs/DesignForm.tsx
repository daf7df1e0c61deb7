import { useId, useMemo, type ReactNode } from 'react';
import type { ClosedRoundEvidence } from '../../../shared/domain/design/feedback';
import { checkDesign, studyLoad } from '../../../shared/domain/design/rules';
import { outcomeLabels } from '../../../shared/domain/template/upgrade';
import { META_MAP } from '../../../shared/editor/fields';
import { DESIGN_KEYS, projectDesign } from '../../../shared/editor/designDoc';
import { useT } from '../../i18n/I18nProvider';
import type { Section } from '../../collab/hooks';
import type { AwarenessUser, CollabSession } from '../../collab/session';
import { Link } from '../../app/Link';
import { certificatePath, templateVersionPath } from '../../app/router';
import { ActivitiesEditor } from './ActivitiesEditor';
import { DesignChecksPanel } from './DesignChecksPanel';
import type { LoadedDesign } from './DesignEditorScene';
import { EvidenceFields } from './EvidenceFields';
import { EvcField } from './EvcField';
import { GeneralFields } from './GeneralFields';
import { InternalReviewFields } from './InternalReviewFields';
import { OutcomesField } from './OutcomesField';
import { SizeFields } from './SizeFields';
import { StudyLoad } from './StudyLoad';
import { DesignSection, TextSection } from './TextSections';
import { EarlierSectionTexts } from './EarlierSectionText';
import {
  splitSections,
  structuredFieldOf,
  type StructuredField,
} from '../../../shared/domain/design/structuredSections';
import { UpgradeNotice } from './UpgradeNotice';
import { useAnnouncer } from '../../ui/useAnnouncer';
import { useDocVersion, useThrottled } from './useDocVersion';
import { useOutlineRules } from '../outline/outlineRules';

/** The form of an open design and its side panel (live checks, study load). */
export function DesignForm({
  session,
  loaded,
  sections,
  user,
  editable,
  onReload,
  lifecycle,
  feedback = null,
}: {
  session: CollabSession;
  loaded: LoadedDesign;
  sections: Section[];
  user: AwarenessUser;
  editable: boolean;
  onReload: () => void;
  /** Status, lineage, versions and exports. */
  lifecycle?: ReactNode;
  /** What R13 weighs of the design's closed rounds; null or omitted: not known (a frozen version). */
  feedback?: readonly ClosedRoundEvidence[] | null;
}) {
  const t = useT();
  const doc = session.ydoc;
  const { info, template } = loaded;
  const version = useDocVersion(doc);
  const design = useMemo(
    () => projectDesign(doc, template),
    // `version` changes with every update of the doc.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [doc, template, version],
  );
  // The checks follow the doc throttled (not on every keystroke).
  const checkedVersion = useThrottled(version, 250);
  const results = useMemo(
    () =>
      checkDesign(projectDesign(doc, template), template, {
        feedback,
        origin: info.origin,
        hoursPerEcts: info.hoursPerEcts,
        outcomeLabels: outcomeLabels(info.earlierOutcomes),
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [doc, template, checkedVersion, feedback, info.origin, info.hoursPerEcts, info.earlierOutcomes],
  );
  useOutlineRules(results);
  const load = useMemo(() => studyLoad(design, info.hoursPerEcts), [design, info.hoursPerEcts]);
  const [message, announce] = useAnnouncer();
  const sectionsId = useId();
  // A template section asking what a structured field asks shows as that field, with its guidance.
  const { own, absorbed } = splitSections(sections);
  const guidanceOf = (field: StructuredField) =>
    template.sections.find((section) => structuredFieldOf(section.heading) === field)?.guidance;
  const earlier = (field: StructuredField, focusAfter: string, moveTo?: string) => (
    <EarlierSectionTexts
      session={session}
      sections={absorbed[field] ?? []}
      user={user}
      editable={editable}
      focusAfter={focusAfter}
      {...(moveTo ? { moveTo } : {})}
    />
  );
  const meta = doc.getMap<unknown>(META_MAP);
  const title = typeof meta.get('title') === 'string' ? (meta.get('title') as string) : '';

  return (
    <>
      <p className="eyebrow">{t('design.eyebrow')}</p>
      <h1 data-testid="design-title">{title.trim() || t('design.untitled')}</h1>
      <p data-testid="design-template">
        {t('design.template')}:{' '}
        <Link to={templateVersionPath(info.template.id)}>
          {t('design.templateLink', { title: info.template.title, version: info.template.version })}
        </Link>
      </p>
      <p role="status" className="visually-hidden" data-testid="announcer">
        {message}
      </p>
      <p>
        <Link to={certificatePath('design', info.id)} data-testid="open-certificate">
          {t('certificate.open')}
        </Link>
      </p>
      {lifecycle}
      <UpgradeNotice info={info} canUpgrade={editable} onUpgraded={onReload} />
      <div className="draft-layout">
        <div className="draft-layout__main">
          <GeneralFields doc={doc} design={design} template={template} title={title} editable={editable} />
          <OutcomesField
            doc={doc}
            design={design}
            template={template}
            earlier={info.earlierOutcomes}
            editable={editable}
          />
          <SizeFields doc={doc} design={design} editable={editable} hoursPerEcts={info.hoursPerEcts} />
          <ActivitiesEditor
            doc={doc}
            editable={editable}
            announce={announce}
            guidance={guidanceOf('activities')}
            earlier={earlier('activities', '[data-testid="add-activity"]')}
          />
          <EvidenceFields
            doc={doc}
            design={design}
            template={template}
            earlierOutcomes={info.earlierOutcomes}
            editable={editable}
            guidance={guidanceOf('evidence')}
            earlier={earlier('evidence', '#field-evidence textarea')}
          />
          <EvcField
            doc={doc}
            design={design}
            editable={editable}
            teamId={info.teamId}
            guidance={guidanceOf('evcApproach')}
          >
            {earlier('evcApproach', '#field-evcApproach', DESIGN_KEYS.evcApproach)}
          </EvcField>
          <TextSection
            doc={doc}
            name={DESIGN_KEYS.trajectRelation}
            fieldId="field-trajectRelation"
            editable={editable}
            heading="design.relation"
            hint="design.relationHint"
            guidance={guidanceOf('trajectRelation')}
          >
            {earlier('trajectRelation', '#field-trajectRelation', DESIGN_KEYS.trajectRelation)}
          </TextSection>
          <InternalReviewFields doc={doc} design={design} editable={editable} />
          <section className="draft-section" aria-labelledby={sectionsId}>
            <h2 id={sectionsId}>{t('design.sections')}</h2>
            {own.map((section) => (
              <DesignSection
                key={section.id}
                session={session}
                section={section}
                guidance={template.sections.find((candidate) => candidate.id === section.id)?.guidance ?? ''}
                user={user}
                editable={editable}
              />
            ))}
          </section>
        </div>
        <aside className="draft-layout__side" aria-label={t('design.checks')}>
          <div className="draft-layout__sticky">
            <DesignChecksPanel
              results={results}
              interactive={editable}
              templateEstablished={info.template.established}
            />
            <StudyLoad load={load} hoursPerEcts={info.hoursPerEcts} />
          </div>
        </aside>
      </div>
    </>
  );
}
