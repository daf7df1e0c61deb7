import { useId } from 'react';
import type * as Y from 'yjs';
import { useT } from '../../../i18n/I18nProvider';
import { addOutcome, addTheme, moveTheme, removeTheme, setField } from './draftActions';
import type { DraftView, ThemeView } from './draftView';
import { focusWhenRendered } from '../../../ui/ListFocus';
import { ItemButton } from '../../../ui/ListItemButton';
import { ListAddButton, ListMoveButtons, ListSection } from '../../../ui/ListRowControls';
import { OutcomeRow, rowSelector, themeLabel, themeSelector } from './OutcomeRow';

/** "LU 2.3" for the third outcome of the second theme, or the next free number after it. */
function suggestCode(view: DraftView, themeIndex: number): string {
  const used = new Set(view.themes.flatMap((theme) => theme.outcomes.map((outcome) => outcome.code.trim())));
  let next = (view.themes[themeIndex]?.outcomes.length ?? 0) + 1;
  while (used.has(`LU ${themeIndex + 1}.${next}`)) next++;
  return `LU ${themeIndex + 1}.${next}`;
}

interface EditorProps {
  doc: Y.Doc;
  view: DraftView;
  editable: boolean;
  announce: (message: string) => void;
}

/** The themes in order, each with its leeruitkomsten: rename, add, remove, reorder, move. */
export function ThemesEditor({ doc, view, editable, announce }: EditorProps) {
  const t = useT();
  return (
    <ListSection
      heading={t('templateEditor.outcomes')}
      intro={<p className="muted">{t('templateEditor.outcomesIntro')}</p>}
      listClassName="theme-list"
      data-testid="themes-editor"
      add={
        editable ? (
          <ListAddButton
            label={t('templateEditor.addTheme')}
            data-testid="add-theme"
            onAdd={() => addTheme(doc)}
            focusFor={(id) => `${themeSelector(id)} [data-testid="theme-title"]`}
          />
        ) : null
      }
    >
      {view.themes.map((theme, index) => (
        <ThemeCard
          key={theme.id}
          doc={doc}
          view={view}
          theme={theme}
          index={index}
          editable={editable}
          announce={announce}
        />
      ))}
    </ListSection>
  );
}

function ThemeCard({
  doc,
  view,
  theme,
  index,
  editable,
  announce,
}: EditorProps & { theme: ThemeView; index: number }) {
  const t = useT();
  const headingId = useId();
  const titleId = useId();
  const label = themeLabel(theme, index, t);
  const add = () => {
    const id = addOutcome(doc, theme.id, suggestCode(view, index));
    if (id) focusWhenRendered([`${rowSelector(id)} [data-testid="outcome-code"]`]);
  };
  return (
    <li className="theme-card" data-testid="theme-row" data-theme-id={theme.id}>
      <h3 id={headingId} className="theme-card__heading">
        {label}
      </h3>
      <div className="theme-card__head">
        <div className="field theme-card__title">
          <label htmlFor={titleId}>{t('templateEditor.themeTitle')}</label>
          <input
            id={titleId}
            type="text"
            maxLength={200}
            autoComplete="off"
            value={theme.title}
            disabled={!editable}
            data-testid="theme-title"
            data-path={`themes.${theme.id}.title`}
            onChange={(event) => setField(theme.map, 'title', event.target.value)}
          />
        </div>
        {editable ? (
          <div className="button-row theme-card__actions">
            <ListMoveButtons
              labels={{ up: t('templateEditor.themeUp'), down: t('templateEditor.themeDown') }}
              context={label}
              index={index}
              count={view.themes.length}
              actions={{ up: 'theme-up', down: 'theme-down' }}
              rowSelector={themeSelector(theme.id)}
              onMove={(delta) => {
                moveTheme(doc, theme.id, delta);
                announce(
                  t('templateEditor.announceMoved', {
                    name: theme.title || t('templateEditor.themeUntitled'),
                    position: index + 1 + delta,
                  }),
                );
              }}
            />
            {theme.outcomes.length === 0 ? (
              <ItemButton
                label={t('templateEditor.removeTheme')}
                context={label}
                className="button button--small button--danger"
                data-testid="remove-theme"
                onClick={() => {
                  removeTheme(doc, theme.id);
                  announce(t('templateEditor.announceRemoved', { name: label }));
                  focusWhenRendered(['[data-testid="add-theme"]']);
                }}
              />
            ) : null}
          </div>
        ) : null}
      </div>
      {theme.outcomes.length === 0 ? (
        <p className="muted theme-card__empty">{t('templateEditor.themeEmpty')}</p>
      ) : (
        <ol className="outcome-list" aria-labelledby={headingId}>
          {theme.outcomes.map((outcome, position) => (
            <OutcomeRow
              key={outcome.id}
              doc={doc}
              view={view}
              theme={theme}
              outcome={outcome}
              position={position}
              editable={editable}
              announce={announce}
            />
          ))}
        </ol>
      )}
      {editable ? (
        <ItemButton
          label={t('templateEditor.addOutcome')}
          context={label}
          data-testid="add-outcome"
          // The check "add at least one outcome" (path `themes`) leads here.
          data-path={index === 0 ? 'themes' : undefined}
          onClick={add}
        />
      ) : null}
    </li>
  );
}
