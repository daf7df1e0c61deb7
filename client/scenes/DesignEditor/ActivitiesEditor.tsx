import { useId } from 'react';
import type * as Y from 'yjs';
import {
  ACTIVITY_KINDS,
  LEARNING_MODES,
  MATERIAL_STATUSES,
} from '../../../shared/domain/leerarrangement/types';
import { addActivity } from '../../../shared/editor/leerarrangementDoc';
import { ItemCommentButton } from '../../comments/ItemCommentButton';
import { ConfirmButton } from '../../components/ConfirmButton';
import { YTextField } from '../../components/YTextField';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nl';
import { focusWhenRendered } from '../OntwikkelpadEditor/focus';
import { ItemButton } from '../OntwikkelpadEditor/ItemButton';
import { activityMaps, moveActivity, removeActivity, setItemField, textIn } from './designActions';

/** The leeractiviteiten: each field of each activity merges on its own (Y.Map keys, Y.Text). */
export function ActivitiesEditor({
  doc,
  editable,
  announce,
}: {
  doc: Y.Doc;
  editable: boolean;
  announce: (message: string) => void;
}) {
  const t = useT();
  const headingId = useId();
  const activities = activityMaps(doc);
  return (
    <section className="draft-section" aria-labelledby={headingId} id="field-activities">
      <h2 id={headingId}>{t('design.activities')}</h2>
      {activities.length === 0 ? <p className="empty-state">{t('design.activitiesEmpty')}</p> : null}
      <ol className="activity-list">
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
      </ol>
      {editable ? (
        <button
          type="button"
          className="button"
          data-testid="add-activity"
          onClick={() => {
            const id = addActivity(doc);
            focusWhenRendered([`#activity-${CSS.escape(id)} input`]);
          }}
        >
          {t('design.addActivity')}
        </button>
      ) : null}
    </section>
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
  const move = (delta: -1 | 1) => {
    moveActivity(doc, id, delta);
    announce(
      t('design.announceMoved', {
        name: titleText || t('design.activityUntitled'),
        position: index + 1 + delta,
      }),
    );
    focusWhenRendered([
      `#activity-${CSS.escape(id)} [data-action="${delta < 0 ? 'up' : 'down'}"]`,
      `#activity-${CSS.escape(id)} [data-action="${delta < 0 ? 'down' : 'up'}"]`,
    ]);
  };
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
            {(['team', 'derde'] as const).map((type) => (
              <label key={type} className="radio-group__option">
                <input
                  type="radio"
                  name={`provider-${id}`}
                  value={type}
                  checked={providerType === type}
                  disabled={!editable}
                  onChange={() => setItemField(map, 'providerType', type)}
                />
                {t(`design.provider.${type}`)}
              </label>
            ))}
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
          <div className="outcome-row__actions">
            <ItemButton
              label={t('design.up')}
              context={name}
              disabled={index === 0}
              data-action="up"
              onClick={() => move(-1)}
            />
            <ItemButton
              label={t('design.down')}
              context={name}
              disabled={index === count - 1}
              data-action="down"
              onClick={() => move(1)}
            />
            <ConfirmButton
              label={t('design.remove')}
              context={name}
              question={t('design.confirmRemove', { name })}
              testId="remove-activity"
              onConfirm={() => {
                removeActivity(doc, id);
                announce(t('design.announceRemoved', { name }));
                focusWhenRendered(['[data-testid="add-activity"]']);
              }}
            />
          </div>
        ) : null}
      </fieldset>
    </li>
  );
}
