import { useId, useState } from 'react';
import type * as Y from 'yjs';
import { focusWhenRendered } from '../../../ui/ListFocus';
import { ItemButton } from '../../../ui/ListItemButton';
import { ListRowActions } from '../../../ui/ListRowControls';
import { YTextField } from '../../../editor/YTextField';
import { useT } from '../../../i18n/I18nProvider';
import { moveOutcome, moveOutcomeToTheme, removeOutcome, setField } from './draftActions';
import type { DraftView, OutcomeView, ThemeView } from './draftView';

type Translate = ReturnType<typeof useT>;

/** CSS selector of an outcome's row. */
export const rowSelector = (outcomeId: string) =>
  `[data-testid="outcome-row"][data-outcome-id="${CSS.escape(outcomeId)}"]`;
/** CSS selector of a theme's card. */
export const themeSelector = (themeId: string) =>
  `[data-testid="theme-row"][data-theme-id="${CSS.escape(themeId)}"]`;

/** "Thema 2: Vakinhoud". */
export function themeLabel(theme: ThemeView, index: number, t: Translate): string {
  return t('templateEditor.themeLabel', {
    position: index + 1,
    title: theme.title.trim() || t('templateEditor.themeUntitled'),
  });
}

function outcomeLabel(outcome: OutcomeView, t: Translate): string {
  return outcome.code.trim()
    ? t('templateEditor.outcomeName', { code: outcome.code.trim() })
    : t('templateEditor.outcomeNew');
}

interface RowProps {
  doc: Y.Doc;
  view: DraftView;
  editable: boolean;
  announce: (message: string) => void;
  theme: ThemeView;
  outcome: OutcomeView;
  position: number;
}

/** One leeruitkomst in the editor: code, title, description, and moving or removing it. */
export function OutcomeRow({ doc, view, theme, outcome, position, editable, announce }: RowProps) {
  const t = useT();
  const codeId = useId();
  const titleId = useId();
  const descriptionId = useId();
  const name = outcomeLabel(outcome, t);
  const ids = theme.outcomes.map((item) => item.id);
  return (
    <li className="outcome-row" data-testid="outcome-row" data-outcome-id={outcome.id}>
      <fieldset className="outcome-row__fieldset">
        <legend className="outcome-row__legend">{name}</legend>
        <div className="outcome-row__grid">
          <div className="field outcome-row__code">
            <label htmlFor={codeId}>{t('templateEditor.outcomeCode')}</label>
            <input
              id={codeId}
              type="text"
              maxLength={40}
              autoComplete="off"
              value={outcome.code}
              disabled={!editable}
              data-testid="outcome-code"
              data-path={`outcomes.${outcome.id}.code`}
              onChange={(event) => setField(outcome.map, 'code', event.target.value)}
            />
          </div>
          <div className="field outcome-row__title">
            <label htmlFor={titleId}>{t('templateEditor.outcomeTitle')}</label>
            {outcome.title ? (
              <YTextField
                id={titleId}
                text={outcome.title}
                maxLength={300}
                autoComplete="off"
                disabled={!editable}
                data-testid="outcome-title"
                data-path={`outcomes.${outcome.id}.title`}
              />
            ) : (
              <input id={titleId} type="text" disabled value="" />
            )}
          </div>
        </div>
        <div className="field">
          <label htmlFor={descriptionId}>{t('templateEditor.outcomeDescription')}</label>
          {outcome.description ? (
            <YTextField
              multiline
              id={descriptionId}
              text={outcome.description}
              rows={3}
              disabled={!editable}
              data-testid="outcome-description"
              data-path={`outcomes.${outcome.id}.description`}
            />
          ) : (
            <textarea id={descriptionId} disabled value="" rows={3} />
          )}
        </div>
        {editable ? (
          <ListRowActions
            labels={{ up: t('templateEditor.up'), down: t('templateEditor.down') }}
            context={name}
            index={position}
            count={theme.outcomes.length}
            actions={{ up: 'outcome-up', down: 'outcome-down' }}
            rowSelector={rowSelector(outcome.id)}
            onMove={(delta) => {
              moveOutcome(doc, theme.id, outcome.id, delta, ids);
              announce(t('templateEditor.announceMoved', { name, position: position + 1 + delta }));
            }}
            remove={{
              label: t('templateEditor.delete'),
              question: t('templateEditor.confirmRemove', { name }),
              testId: 'remove-outcome',
              focusAfter: `${themeSelector(theme.id)} [data-testid="add-outcome"]`,
              onRemove: () => {
                removeOutcome(doc, theme.id, outcome.id);
                announce(t('templateEditor.announceRemoved', { name }));
              },
            }}
          >
            {view.themes.length > 1 ? (
              <MoveToTheme
                doc={doc}
                view={view}
                theme={theme}
                outcome={outcome}
                name={name}
                announce={announce}
              />
            ) : null}
          </ListRowActions>
        ) : null}
      </fieldset>
    </li>
  );
}

function MoveToTheme({
  doc,
  view,
  theme,
  outcome,
  name,
  announce,
}: {
  doc: Y.Doc;
  view: DraftView;
  theme: ThemeView;
  outcome: OutcomeView;
  name: string;
  announce: (message: string) => void;
}) {
  const t = useT();
  const selectId = useId();
  const [targetId, setTargetId] = useState('');
  const others = view.themes.filter((other) => other.id !== theme.id);
  const target = others.find((other) => other.id === targetId);
  return (
    <div className="move-to">
      <label htmlFor={selectId} className="visually-hidden">
        {t('templateEditor.moveTo')} — {name}
      </label>
      <select
        id={selectId}
        value={target ? target.id : ''}
        data-testid="outcome-move-select"
        onChange={(event) => setTargetId(event.target.value)}
      >
        <option value="">{t('templateEditor.moveToChoose')}</option>
        {others.map((other) => (
          <option key={other.id} value={other.id}>
            {themeLabel(other, view.themes.indexOf(other), t)}
          </option>
        ))}
      </select>
      <ItemButton
        label={t('templateEditor.moveToSubmit')}
        context={name}
        disabled={!target}
        data-testid="outcome-move-submit"
        onClick={() => {
          if (!target) return;
          moveOutcomeToTheme(doc, theme.id, outcome.id, target.id);
          announce(
            t('templateEditor.announceMovedTo', {
              name,
              theme: target.title || t('templateEditor.themeUntitled'),
            }),
          );
          focusWhenRendered([`${rowSelector(outcome.id)} [data-testid="outcome-move-select"]`]);
        }}
      />
    </div>
  );
}
