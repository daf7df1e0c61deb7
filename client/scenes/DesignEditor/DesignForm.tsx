import { useCallback, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import * as Y from 'yjs';
import { checkLeerarrangement, studyLoad } from '../../../shared/domain/leerarrangement/rules';
import {
  HOURS_PER_ECTS,
  LEARNING_FORMS,
  LEARNING_MODES,
  type LeerarrangementContent,
} from '../../../shared/domain/leerarrangement/types';
import { allOutcomes, SECTORS, type OntwikkelpadContent } from '../../../shared/domain/ontwikkelpad/types';
import { META_MAP, sectionFragmentName } from '../../../shared/editor/fields';
import { LA, projectLeerarrangement } from '../../../shared/editor/leerarrangementDoc';
import { ItemCommentButton } from '../../comments/ItemCommentButton';
import { YTextField } from '../../components/YTextField';
import { RichTextEditor } from '../../editor/RichTextEditor';
import { sectionEditorId } from '../../editor/SectionEditor';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nl';
import { sectorLongLabelKey } from '../../i18n/templateChanges';
import type { Section } from '../../realtime/hooks';
import type { AwarenessUser, CollabSession } from '../../realtime/session';
import { Link } from '../../routing/Link';
import { templateVersionPath } from '../../routing/router';
import { ActivitiesEditor } from './ActivitiesEditor';
import { DesignChecksPanel } from './DesignChecksPanel';
import type { LoadedDesign } from './DesignEditorScene';
import { setMeta, setSector, setTargeted } from './designActions';
import { StudyLoad } from './StudyLoad';
import { UpgradeNotice } from './UpgradeNotice';
import { useDocVersion, useThrottled } from './useDocVersion';

const NLQF_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
const SECTION_HEADING_LEVELS: Array<3 | 4> = [3, 4];

/** A polite announcement for screen readers (moves and removals change the page silently otherwise). */
function useAnnouncer(): [string, (message: string) => void] {
  const [message, setMessage] = useState('');
  const flip = useRef(false);
  const announce = useCallback((next: string) => {
    flip.current = !flip.current;
    setMessage(flip.current ? next : `${next}\u00a0`);
  }, []);
  return [message, announce];
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** The form of an open design and its side panel (live checks, study load). */
export function DesignForm({
  session,
  loaded,
  sections,
  user,
  editable,
  onReload,
  lifecycle,
  closedRounds = null,
}: {
  session: CollabSession;
  loaded: LoadedDesign;
  sections: Section[];
  user: AwarenessUser;
  editable: boolean;
  onReload: () => void;
  /** Status, lineage, versions and exports (issue 6). */
  lifecycle?: ReactNode;
  /** Closed feedback rounds of the design (R13); null or omitted: not known (a frozen version). */
  closedRounds?: number | null;
}) {
  const t = useT();
  const doc = session.ydoc;
  const { info, template } = loaded;
  const version = useDocVersion(doc);
  const design = useMemo(
    () => projectLeerarrangement(doc, template),
    // `version` changes with every update of the doc.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [doc, template, version],
  );
  // The checks follow the doc throttled (not on every keystroke).
  const checkedVersion = useThrottled(version, 250);
  const results = useMemo(
    () =>
      checkLeerarrangement(projectLeerarrangement(doc, template), template, {
        closedFeedbackRounds: closedRounds,
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [doc, template, checkedVersion, closedRounds],
  );
  const load = useMemo(() => studyLoad(design), [design]);
  const [message, announce] = useAnnouncer();
  const sectionsId = useId();
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
      {lifecycle}
      <UpgradeNotice info={info} canUpgrade={editable} onUpgraded={onReload} />
      <div className="draft-layout">
        <div className="draft-layout__main">
          <GeneralFields doc={doc} design={design} template={template} title={title} editable={editable} />
          <OutcomesField doc={doc} design={design} template={template} editable={editable} />
          <SizeFields doc={doc} design={design} editable={editable} />
          <ActivitiesEditor doc={doc} editable={editable} announce={announce} />
          <EvidenceFields doc={doc} design={design} template={template} editable={editable} />
          <TextSection
            doc={doc}
            name={LA.evcApproach}
            fieldId="field-evcApproach"
            editable={editable}
            heading="design.evc"
            hint="design.evcHint"
          />
          <TextSection
            doc={doc}
            name={LA.trajectRelation}
            fieldId="field-trajectRelation"
            editable={editable}
            heading="design.relation"
            hint="design.relationHint"
          />
          <section className="draft-section" aria-labelledby={sectionsId}>
            <h2 id={sectionsId}>{t('design.sections')}</h2>
            {sections.map((section) => (
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
            <DesignChecksPanel results={results} interactive={editable} />
            <StudyLoad load={load} />
          </div>
        </aside>
      </div>
    </>
  );
}

interface FieldProps {
  doc: Y.Doc;
  design: LeerarrangementContent;
  editable: boolean;
}

function GeneralFields({
  doc,
  design,
  template,
  title,
  editable,
}: FieldProps & { template: OntwikkelpadContent; title: string }) {
  const t = useT();
  const headingId = useId();
  const sectorsHintId = useId();
  const nlqfHintId = useId();
  return (
    <section className="draft-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('design.general')}</h2>
      <div className="field">
        <label htmlFor="field-title">{t('design.title')}</label>
        <input
          id="field-title"
          type="text"
          maxLength={200}
          autoComplete="off"
          value={title}
          disabled={!editable}
          data-testid="design-title-input"
          onChange={(event) => setMeta(doc, 'title', event.target.value)}
        />
      </div>
      <fieldset className="radio-group" id="field-sectors" aria-describedby={sectorsHintId}>
        <legend>{t('design.sectors')}</legend>
        <p id={sectorsHintId} className="field__hint">
          {t('design.sectorsHint', { sectors: template.sectors.join(', ') })}
        </p>
        {SECTORS.map((sector) => (
          <label key={sector} className="radio-group__option">
            <input
              type="checkbox"
              checked={design.sectors.includes(sector)}
              disabled={!editable}
              data-testid={`design-sector-${sector}`}
              onChange={(event) => setSector(doc, sector, event.target.checked)}
            />
            {t(sectorLongLabelKey(sector))}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="field-nlqfLevel">{t('design.nlqf')}</label>
        <select
          id="field-nlqfLevel"
          value={design.nlqfLevel === null ? '' : String(design.nlqfLevel)}
          disabled={!editable}
          aria-describedby={nlqfHintId}
          onChange={(event) =>
            setMeta(doc, 'nlqfLevel', event.target.value ? Number(event.target.value) : null)
          }
        >
          <option value="">{t('design.choose')}</option>
          {NLQF_LEVELS.map((level) => (
            <option key={level} value={level}>
              {t('op.nlqfOption', { level })}
            </option>
          ))}
        </select>
        <p id={nlqfHintId} className="field__hint">
          {t('design.nlqfHint', { level: template.nlqfLevel ?? '—' })}
        </p>
      </div>
    </section>
  );
}

function OutcomesField({ doc, design, template, editable }: FieldProps & { template: OntwikkelpadContent }) {
  const t = useT();
  const headingId = useId();
  const hintId = useId();
  const targeted = new Set(design.targetedOutcomeIds);
  const known = new Set(allOutcomes(template).map((outcome) => outcome.id));
  const removed = design.targetedOutcomeIds.filter((id) => !known.has(id));
  const box = (id: string, label: React.ReactNode, extra?: React.ReactNode, commentLabel?: string) => (
    <li key={id} data-testid="design-outcome" data-outcome-id={id}>
      <label className="checkbox-option">
        <input
          type="checkbox"
          id={`outcome-${id}`}
          checked={targeted.has(id)}
          disabled={!editable}
          onChange={(event) => setTargeted(doc, id, event.target.checked)}
        />{' '}
        {label}
        {extra}
      </label>
      {/* Comments on the outcomes this design targets (issue 7). */}
      {targeted.has(id) ? (
        <ItemCommentButton anchor={{ itemKind: 'outcome', itemId: id, label: commentLabel ?? id }} />
      ) : null}
    </li>
  );
  return (
    <section className="draft-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('design.outcomes')}</h2>
      <div id="field-outcomes" className="outcome-picker">
        <p id={hintId} className="field__hint">
          {t('design.outcomesHint')}
        </p>
        {template.themes.map((theme) => (
          <fieldset key={theme.id} className="outcome-picker__theme" aria-describedby={hintId}>
            <legend>{theme.title}</legend>
            <ul className="plain-list">
              {theme.outcomes.map((outcome) =>
                box(
                  outcome.id,
                  <>
                    <strong>{outcome.code}</strong> {outcome.title}
                  </>,
                  undefined,
                  `${outcome.code} ${outcome.title}`,
                ),
              )}
            </ul>
          </fieldset>
        ))}
        {removed.length > 0 ? (
          <fieldset className="outcome-picker__theme outcome-picker__removed">
            <legend>{t('design.outcomesRemoved')}</legend>
            <ul className="plain-list">
              {removed.map((id) =>
                box(id, id, <span className="badge badge--warn"> {t('design.outcomeRemovedBadge')}</span>),
              )}
            </ul>
          </fieldset>
        ) : null}
      </div>
    </section>
  );
}

function SizeFields({ doc, design, editable }: FieldProps) {
  const t = useT();
  const headingId = useId();
  const ectsHintId = useId();
  const hoursHintId = useId();
  const placement = design.placement;
  return (
    <section className="draft-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('design.size')}</h2>
      <div className="field-row">
        <div className="field">
          <label htmlFor="field-ects">{t('design.ects')}</label>
          <input
            id="field-ects"
            type="number"
            min={0}
            step={0.5}
            inputMode="decimal"
            aria-describedby={ectsHintId}
            value={design.ects === null ? '' : round2(design.ects)}
            disabled={!editable}
            onChange={(event) =>
              setMeta(doc, 'ects', event.target.value === '' ? null : Number(event.target.value))
            }
          />
          <p id={ectsHintId} className="field__hint">
            {t('design.ectsHint', { hours: HOURS_PER_ECTS })}
          </p>
        </div>
        <div className="field">
          <label htmlFor="field-hours">{t('design.hours')}</label>
          <input
            id="field-hours"
            type="number"
            min={0}
            step={1}
            inputMode="decimal"
            aria-describedby={hoursHintId}
            value={design.ects === null ? '' : round2(design.ects * HOURS_PER_ECTS)}
            disabled={!editable}
            onChange={(event) =>
              setMeta(
                doc,
                'ects',
                event.target.value === '' ? null : Number(event.target.value) / HOURS_PER_ECTS,
              )
            }
          />
          <p id={hoursHintId} className="field__hint">
            {t('design.hoursHint')}
          </p>
        </div>
      </div>
      <fieldset className="radio-group" id="field-mode">
        <legend>{t('design.mode')}</legend>
        {LEARNING_MODES.map((mode) => (
          <label key={mode} className="radio-group__option">
            <input
              type="radio"
              name="design-mode"
              value={mode}
              checked={design.mode === mode}
              disabled={!editable}
              onChange={() => setMeta(doc, 'mode', mode)}
            />
            {t(`design.mode.${mode}` as MessageKey)}
          </label>
        ))}
      </fieldset>
      <fieldset className="radio-group" id="field-placement">
        <legend>{t('design.placement')}</legend>
        {(['verticaal', 'horizontaal'] as const).map((type) => (
          <label key={type} className="radio-group__option">
            <input
              type="radio"
              name="design-placement"
              value={type}
              checked={placement?.type === type}
              disabled={!editable}
              onChange={() => setMeta(doc, 'placementType', type)}
            />
            {t(`design.placement.${type}`)}
          </label>
        ))}
        {placement?.type === 'verticaal' ? (
          <div className="field">
            <label htmlFor="field-position">{t('design.position')}</label>
            <input
              id="field-position"
              type="number"
              min={1}
              step={1}
              value={placement.position ?? ''}
              disabled={!editable}
              onChange={(event) =>
                setMeta(doc, 'position', event.target.value === '' ? null : Number(event.target.value))
              }
            />
          </div>
        ) : null}
        {placement?.type === 'horizontaal' ? (
          <div className="field">
            <label htmlFor="field-learningForm">{t('design.learningForm')}</label>
            <select
              id="field-learningForm"
              value={placement.learningForm ?? ''}
              disabled={!editable}
              onChange={(event) => setMeta(doc, 'learningForm', event.target.value || null)}
            >
              <option value="">{t('design.choose')}</option>
              {LEARNING_FORMS.map((form) => (
                <option key={form} value={form}>
                  {t(`design.learningForm.${form}`)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </fieldset>
    </section>
  );
}

function EvidenceFields({ doc, design, template, editable }: FieldProps & { template: OntwikkelpadContent }) {
  const t = useT();
  const headingId = useId();
  const hintId = useId();
  const outcomes = new Map(allOutcomes(template).map((outcome) => [outcome.id, outcome]));
  const evidence = doc.getMap<unknown>(LA.evidence);
  return (
    <section className="draft-section" aria-labelledby={headingId} id="field-evidence">
      <h2 id={headingId}>{t('design.evidence')}</h2>
      <p id={hintId} className="field__hint">
        {t('design.evidenceHint')}
      </p>
      {design.targetedOutcomeIds.length === 0 ? (
        <p className="empty-state">{t('design.evidenceEmpty')}</p>
      ) : null}
      {design.targetedOutcomeIds.map((id) => {
        const outcome = outcomes.get(id);
        const text = evidence.get(id);
        const label = t('design.evidenceFor', { code: outcome?.code ?? id, title: outcome?.title ?? '' });
        return (
          <div className="field" key={id} data-testid="evidence-field" data-outcome-id={id}>
            <label htmlFor={`evidence-${id}`}>{label}</label>
            <ItemCommentButton anchor={{ itemKind: 'evidence', itemId: id, label }} />
            {text instanceof Y.Text ? (
              <YTextField
                multiline
                id={`evidence-${id}`}
                text={text}
                rows={3}
                disabled={!editable}
                aria-describedby={hintId}
              />
            ) : (
              // Targeted before evidence existed (another client): ticking again creates it.
              <EvidenceCreator doc={doc} outcomeId={id} editable={editable} hintId={hintId} />
            )}
          </div>
        );
      })}
    </section>
  );
}

/** A textarea for an outcome without evidence text yet: the first keystroke creates the Y.Text. */
function EvidenceCreator({
  doc,
  outcomeId,
  editable,
  hintId,
}: {
  doc: Y.Doc;
  outcomeId: string;
  editable: boolean;
  hintId: string;
}) {
  return (
    <textarea
      id={`evidence-${outcomeId}`}
      rows={3}
      disabled={!editable}
      aria-describedby={hintId}
      value=""
      onChange={(event) => {
        const value = event.target.value;
        doc.transact(() => {
          const text = new Y.Text(value);
          doc.getMap<unknown>(LA.evidence).set(outcomeId, text);
        });
        requestAnimationFrame(() => {
          const element = document.getElementById(`evidence-${outcomeId}`) as HTMLTextAreaElement | null;
          element?.focus();
          element?.setSelectionRange(value.length, value.length);
        });
      }}
    />
  );
}

function TextSection({
  doc,
  name,
  fieldId,
  editable,
  heading,
  hint,
}: {
  doc: Y.Doc;
  name: string;
  fieldId: string;
  editable: boolean;
  heading: MessageKey;
  hint: MessageKey;
}) {
  const t = useT();
  const hintId = useId();
  return (
    <section className="draft-section">
      <div className="field">
        <label htmlFor={fieldId} className="field__big-label">
          {t(heading)}
        </label>
        <p id={hintId} className="field__hint">
          {t(hint)}
        </p>
        <YTextField
          multiline
          id={fieldId}
          text={doc.getText(name)}
          rows={4}
          disabled={!editable}
          aria-describedby={hintId}
        />
      </div>
    </section>
  );
}

function DesignSection({
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
