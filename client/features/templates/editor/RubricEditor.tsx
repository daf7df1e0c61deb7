import { useId } from 'react';
import type * as Y from 'yjs';
import { YTextField } from '../../../editor/YTextField';
import { useT } from '../../../i18n/I18nProvider';
import {
  addDimension,
  addLevel,
  addSubdimension,
  matchDescriptorsToLevels,
  removeDimension,
  removeLevel,
  removeSubdimension,
  renameLevel,
  setField,
  setRubricEnabled,
} from './draftActions';
import type { DimensionView, DraftView, SubdimensionView } from './draftView';
import { focusWhenRendered } from '../../../ui/ListFocus';
import { ItemButton } from '../../../ui/ListItemButton';
import { ListAddButton, ListRemoveButton } from '../../../ui/ListRowControls';

interface RubricProps {
  doc: Y.Doc;
  view: DraftView;
  editable: boolean;
}

/**
 * The optional rubric (dimensions × sub-dimensions × growth levels, as seed 000's
 * Curriculumdeskundigheid matrix): levels as an editable list, then per sub-dimension one
 * descriptor per level. Switching the rubric off keeps its content.
 */
export function RubricEditor({ doc, view, editable }: RubricProps) {
  const t = useT();
  const headingId = useId();
  const enabledId = useId();
  const levelsId = useId();
  const dimensionsId = useId();
  const { rubric } = view;
  return (
    <section className="draft-section" aria-labelledby={headingId} data-testid="rubric-editor">
      <h2 id={headingId}>{t('templateEditor.rubric')}</h2>
      <p className="muted">{t('templateEditor.rubricIntro')}</p>
      <div className="checkbox-field">
        <input
          id={enabledId}
          type="checkbox"
          checked={rubric.enabled}
          disabled={!editable}
          data-testid="rubric-enabled"
          onChange={(event) => setRubricEnabled(doc, event.target.checked)}
        />
        <label htmlFor={enabledId}>{t('templateEditor.rubricEnabled')}</label>
      </div>
      {rubric.enabled ? (
        <>
          <h3 id={levelsId}>{t('templateEditor.levels')}</h3>
          <ol className="level-list" aria-labelledby={levelsId}>
            {rubric.levels.map((level, index) => (
              <LevelRow key={index} doc={doc} level={level} index={index} editable={editable} />
            ))}
          </ol>
          {editable ? (
            <button
              type="button"
              className="button button--small"
              data-testid="add-level"
              data-path="rubric.levels"
              onClick={() => {
                addLevel(doc, '');
                focusWhenRendered([`[data-testid="rubric-level"][data-index="${rubric.levels.length}"]`]);
              }}
            >
              {t('templateEditor.addLevel')}
            </button>
          ) : null}

          <h3 id={dimensionsId}>{t('templateEditor.dimensions')}</h3>
          {rubric.dimensions.length === 0 ? (
            <p className="muted">{t('templateEditor.noDimensions')}</p>
          ) : null}
          {rubric.dimensions.map((dimension, index) => (
            <DimensionCard
              key={dimension.id}
              doc={doc}
              view={view}
              dimension={dimension}
              index={index}
              editable={editable}
            />
          ))}
          {editable ? (
            <ListAddButton
              label={t('templateEditor.addDimension')}
              data-testid="add-dimension"
              onAdd={() => addDimension(doc)}
              focusFor={(id) =>
                `[data-testid="dimension"][data-dimension-id="${CSS.escape(id)}"] [data-testid="dimension-title"]`
              }
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function LevelRow({
  doc,
  level,
  index,
  editable,
}: {
  doc: Y.Doc;
  level: string;
  index: number;
  editable: boolean;
}) {
  const t = useT();
  const inputId = useId();
  const label = t('templateEditor.levelName', { position: index + 1 });
  return (
    <li className="level-row">
      <div className="field field--inline">
        <label htmlFor={inputId}>{label}</label>
        <input
          id={inputId}
          type="text"
          maxLength={120}
          autoComplete="off"
          value={level}
          disabled={!editable}
          data-testid="rubric-level"
          data-index={index}
          onChange={(event) => renameLevel(doc, index, event.target.value)}
        />
      </div>
      {editable ? (
        <ListRemoveButton
          label={t('templateEditor.delete')}
          context={level || label}
          question={t('templateEditor.confirmRemove', { name: level || label })}
          focusAfter='[data-testid="add-level"]'
          onRemove={() => removeLevel(doc, index)}
        />
      ) : null}
    </li>
  );
}

function DimensionCard({
  doc,
  view,
  dimension,
  index,
  editable,
}: RubricProps & { dimension: DimensionView; index: number }) {
  const t = useT();
  const headingId = useId();
  const titleId = useId();
  const label = `${t('templateEditor.dimensionLabel', { position: index + 1 })}${dimension.title ? `: ${dimension.title}` : ''}`;
  const selector = `[data-testid="dimension"][data-dimension-id="${CSS.escape(dimension.id)}"]`;
  return (
    <section
      className="card dimension-card"
      aria-labelledby={headingId}
      data-testid="dimension"
      data-dimension-id={dimension.id}
    >
      <h4 id={headingId}>{label}</h4>
      <div className="dimension-card__head">
        <div className="field">
          <label htmlFor={titleId}>{t('templateEditor.dimensionTitle')}</label>
          <input
            id={titleId}
            type="text"
            maxLength={200}
            autoComplete="off"
            value={dimension.title}
            disabled={!editable}
            data-testid="dimension-title"
            onChange={(event) => setField(dimension.map, 'title', event.target.value)}
          />
        </div>
        {editable ? (
          <ListRemoveButton
            label={t('templateEditor.delete')}
            context={label}
            question={t('templateEditor.confirmRemove', { name: label })}
            focusAfter='[data-testid="add-dimension"]'
            onRemove={() => removeDimension(doc, dimension.id)}
          />
        ) : null}
      </div>
      {dimension.subdimensions.map((sub) => (
        <SubdimensionFields
          key={sub.id}
          doc={doc}
          view={view}
          dimension={dimension}
          sub={sub}
          editable={editable}
        />
      ))}
      {editable ? (
        <ItemButton
          label={t('templateEditor.addSubdimension')}
          context={label}
          data-testid="add-subdimension"
          onClick={() => {
            const id = addSubdimension(doc, dimension.map);
            focusWhenRendered([
              `${selector} [data-sub-id="${CSS.escape(id)}"] [data-testid="subdimension-title"]`,
            ]);
          }}
        />
      ) : null}
    </section>
  );
}

function SubdimensionFields({
  doc,
  view,
  dimension,
  sub,
  editable,
}: RubricProps & { dimension: DimensionView; sub: SubdimensionView }) {
  const t = useT();
  const titleId = useId();
  const descriptorId = useId();
  const { levels } = view.rubric;
  const subName = sub.title || t('templateEditor.subdimensionTitle');
  const mismatch = sub.descriptors.length !== levels.length;
  return (
    <fieldset className="subdimension" data-testid="subdimension" data-sub-id={sub.id}>
      <legend>{sub.title || t('templateEditor.subdimensionTitle')}</legend>
      <div className="subdimension__head">
        <div className="field">
          <label htmlFor={titleId}>{t('templateEditor.subdimensionTitle')}</label>
          <input
            id={titleId}
            type="text"
            maxLength={200}
            autoComplete="off"
            value={sub.title}
            disabled={!editable}
            data-testid="subdimension-title"
            data-path={`rubric.${dimension.id}.${sub.id}`}
            onChange={(event) => setField(sub.map, 'title', event.target.value)}
          />
        </div>
        {editable ? (
          <ListRemoveButton
            label={t('templateEditor.delete')}
            context={t('templateEditor.removeSubdimension', { name: subName })}
            question={t('templateEditor.confirmRemove', { name: subName })}
            focusAfter={`[data-testid="dimension"][data-dimension-id="${CSS.escape(dimension.id)}"] [data-testid="add-subdimension"]`}
            onRemove={() => removeSubdimension(dimension.map, sub.id)}
          />
        ) : null}
      </div>
      <div className="descriptor-grid">
        {sub.descriptors.slice(0, levels.length).map((descriptor, index) => (
          <div className="field" key={index}>
            <label htmlFor={`${descriptorId}-${index}`}>
              {levels[index] || t('templateEditor.levelName', { position: index + 1 })}
            </label>
            <YTextField
              multiline
              id={`${descriptorId}-${index}`}
              text={descriptor}
              rows={4}
              disabled={!editable}
              aria-label={t('templateEditor.descriptor', {
                level: levels[index] || t('templateEditor.levelName', { position: index + 1 }),
                sub: subName,
              })}
              data-testid="descriptor"
            />
          </div>
        ))}
      </div>
      {mismatch ? (
        <div className="notice notice--warning subdimension__mismatch">
          <p>{t('templateEditor.descriptorsMismatch')}</p>
          {editable ? (
            <button
              type="button"
              className="button button--small"
              onClick={() => matchDescriptorsToLevels(doc, sub.map)}
            >
              {t('templateEditor.descriptorsRepair')}
            </button>
          ) : null}
        </div>
      ) : null}
    </fieldset>
  );
}
