import { useId, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { ACTIVITY_KINDS, LEARNING_MODES, MATERIAL_STATUSES } from '../../../shared/domain/design/types';
import { addActivity } from '../../../shared/editor/designDoc';
import { ItemCommentButton } from '../comments/ItemCommentButton';
import { ListAddButton, ListRowActions, ListSection } from '../../ui/ListRowControls';
import { RadioOptions } from '../../ui/RadioOptions';
import { YTextField } from '../../editor/YTextField';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nl';
import { FieldHint } from './TextSections';
import { activityMaps, moveActivity, removeActivity, setItemField, textIn } from './designActions';

/** The leeractiviteiten: each field of each activity merges on its own (Y.Map keys, Y.Text). */
export function ActivitiesEditor({
  doc,
  editable,
  announce,
  guidance,
  earlier,
}: {
  doc: Y.Doc;
  editable: boolean;
  announce: (message: string) => void;
  /** The template's guidance for this question (its "Leeractiviteiten" section). */
  guidance?: string | undefined;
  /** Text written earlier in that section. */
  earlier?: ReactNode;
}) {
  const t = useT();
  const hintId = useId();
  const activities = activityMaps(doc);
  return (
    <ListSection
      heading={t('design.activities')}
      intro={
        <>
          {guidance ? <FieldHint id={hintId} guidance={guidance} fallback="" /> : null}
          {activities.length === 0 ? <p className="empty-state">{t('design.activitiesEmpty')}</p> : null}
          {earlier}
        </>
      }
      listClassName="activity-list"
      id="field-activities"
      add={
        editable ? (
          <ListAddButton
            label={t('design.addActivity')}
            data-testid="add-activity"
            onAdd={() => addActivity(doc)}
            focusFor={(id) => `#activity-${CSS.escape(id)} input`}
          />
        ) : null
      }
    >
      {activities.map((map, index) => (
        <ActivityRow
          key={String(map.get('id'))}
          doc={doc}
          map={map}
          index={index}
          count={activities.length}
          editable={editable}
          announce={announce}
        />
      ))}
    </ListSection>
  );
}

function ActivityRow({
  doc,
  map,
  index,
  count,
  editable,
  announce,
}: {
  doc: Y.Doc;
  map: Y.Map<unknown>;
  index: number;
  count: number;
  editable: boolean;
  announce: (message: string) => void;
}) {
  const t = useT();
  const id = String(map.get('id'));
  const ids = {
    title: useId(),
    kind: useId(),
    mode: useId(),
    hours: useId(),
    material: useId(),
    providerName: useId(),
  };
  const title = textIn(map, 'title');
  const providerName = textIn(map, 'providerName');
  const titleText = title?.toString().trim() ?? '';
  const name = t('design.activity', {
    position: index + 1,
    title: titleText || t('design.activityUntitled'),
  });
  const hours = map.get('hours');
  const providerType = map.get('providerType') === 'derde' ? 'derde' : 'team';
  return (
    <li className="activity-row" id={`activity-${id}`} data-testid="activity-row" data-activity-id={id}>
      <fieldset className="outcome-row__fieldset">
        <legend className="outcome-row__legend">{name}</legend>
        <ItemCommentButton anchor={{ itemKind: 'activity', itemId: id, label: titleText || name }} />
        <div className="activity-row__grid">
          <div className="field">
            <label htmlFor={ids.title}>{t('design.activityTitle')}</label>
            {title ? (
              <YTextField
                id={ids.title}
                text={title}
                disabled={!editable}
                maxLength={200}
                data-testid="activity-title"
              />
            ) : (
              <input id={ids.title} type="text" disabled value="" />
            )}
          </div>
          <div className="field">
            <label htmlFor={ids.kind}>{t('design.activityKind')}</label>
            <select
              id={ids.kind}
              value={String(map.get('kind') ?? 'workshop')}
              disabled={!editable}
              data-testid="activity-kind"
              onChange={(event) => setItemField(map, 'kind', event.target.value)}
            >
              {ACTIVITY_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`design.kind.${kind}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.mode}>{t('design.activityMode')}</label>
            <select
              id={ids.mode}
              value={String(map.get('mode') ?? 'non-formeel')}
              disabled={!editable}
              data-testid="activity-mode"
              onChange={(event) => setItemField(map, 'mode', event.target.value)}
            >
              {LEARNING_MODES.map((mode) => (
                <option key={mode} value={mode}>
                  {t(`design.mode.${mode}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.hours}>{t('design.activityHours')}</label>
            <input
              id={ids.hours}
              type="number"
              min={0}
              step={0.5}
              inputMode="decimal"
              value={typeof hours === 'number' ? hours : ''}
              disabled={!editable}
              data-testid="activity-hours"
              onChange={(event) =>
                setItemField(map, 'hours', event.target.value === '' ? null : Number(event.target.value))
              }
            />
          </div>
          <div className="field">
            <label htmlFor={ids.material}>{t('design.activityMaterial')}</label>
            <select
              id={ids.material}
              value={String(map.get('materialStatus') ?? '')}
              disabled={!editable}
              data-testid="activity-material"
              onChange={(event) => setItemField(map, 'materialStatus', event.target.value || null)}
            >
              <option value="">{t('design.choose')}</option>
              {MATERIAL_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`design.material.${status}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="radio-group">
            <legend>{t('design.activityProvider')}</legend>
            <RadioOptions
              name={`provider-${id}`}
              options={['team', 'derde'] as const}
              value={providerType}
              onChange={(type) => setItemField(map, 'providerType', type)}
              labelOf={(type) => t(`design.provider.${type}`)}
              disabled={!editable}
            />
          </fieldset>
          {providerType === 'derde' ? (
            <div className="field">
              <label htmlFor={ids.providerName}>{t('design.providerName')}</label>
              {providerName ? (
                <YTextField
                  id={ids.providerName}
                  text={providerName}
                  disabled={!editable}
                  maxLength={200}
                  data-testid="activity-provider-name"
                />
              ) : (
                <input id={ids.providerName} type="text" disabled value="" />
              )}
            </div>
          ) : null}
        </div>
        {editable ? (
          <ListRowActions
            labels={{ up: t('design.up'), down: t('design.down') }}
            context={name}
            index={index}
            count={count}
            actions={{ up: 'up', down: 'down' }}
            rowSelector={`#activity-${CSS.escape(id)}`}
            onMove={(delta) => {
              moveActivity(doc, id, delta);
              announce(
                t('design.announceMoved', {
                  name: titleText || t('design.activityUntitled'),
                  position: index + 1 + delta,
                }),
              );
            }}
            remove={{
              label: t('design.remove'),
              question: t('design.confirmRemove', { name }),
              testId: 'remove-activity',
              focusAfter: '[data-testid="add-activity"]',
              onRemove: () => {
                removeActivity(doc, id);
                announce(t('design.announceRemoved', { name }));
              },
            }}
          />
        ) : null}
      </fieldset>
    </li>
  );
}
