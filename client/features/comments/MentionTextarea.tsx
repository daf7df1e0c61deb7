import {
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import type { PersonRef } from '../../../shared/schemas/rounds';
import { useT } from '../../i18n/I18nProvider';
import { caretLine } from './caretLine';
import { activeMention, insertMention, matchPeople } from './mentions';

/** The composer's text and the people picked from the suggestions (see mentions.ts). */
export interface Draft {
  text: string;
  people: PersonRef[];
}

export const emptyDraft: Draft = { text: '', people: [] };

/**
 * A textarea for a comment with @mention suggestions: typing `@` and part of a name shows the
 * people who can see the document in a listbox (the textarea stays focused: aria-activedescendant,
 * aria-autocomplete="list"); ↓/↑ move, Enter or Tab picks, Escape closes. Ctrl+Enter submits the
 * surrounding form.
 */
export function MentionTextarea({
  id,
  label,
  draft,
  onChange,
  people,
  textareaRef,
  testId,
  rows = 3,
}: {
  id: string;
  label: string;
  draft: Draft;
  onChange: (draft: Draft) => void;
  people: readonly PersonRef[];
  textareaRef?: RefObject<HTMLTextAreaElement | null>;
  testId?: string;
  rows?: number;
}) {
  const t = useT();
  const listId = useId();
  const hintId = useId();
  const ownRef = useRef<HTMLTextAreaElement>(null);
  const ref = textareaRef ?? ownRef;
  const [caret, setCaret] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [highlighted, setHighlighted] = useState(0);
  // Where the caret goes once a picked mention is in the textarea: set in the same commit as the
  // new text, so a key typed right after the pick lands after the mention (a frame later was too
  // late under load: the first letter went in before the caret moved back).
  const caretAfterPick = useRef<number | null>(null);
  useLayoutEffect(() => {
    const at = caretAfterPick.current;
    if (at === null) return;
    caretAfterPick.current = null;
    ref.current?.focus();
    ref.current?.setSelectionRange(at, at);
  });

  const mention = activeMention(draft.text, caret);
  const suggestions = useMemo(
    () => (mention ? matchPeople(people, mention.query) : []),
    [mention?.query, people], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const open = mention !== null && dismissed !== mention.start && suggestions.length > 0;
  const current = open ? Math.min(highlighted, suggestions.length - 1) : -1;
  const optionId = (index: number) => `${listId}-option-${index}`;
  const fieldRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [placement, setPlacement] = useState<CSSProperties>({});

  // The list sits just below the caret's line, or just above it when the window has no room below:
  // never over the line being typed.
  useLayoutEffect(() => {
    const field = fieldRef.current;
    const area = ref.current;
    if (!open || !field || !area) return;
    const box = field.getBoundingClientRect();
    const line = caretLine(area);
    const height = listRef.current?.offsetHeight ?? 0;
    const roomBelow = window.innerHeight - line.bottom;
    const next: CSSProperties =
      roomBelow < height && line.top > roomBelow
        ? { top: 'auto', bottom: `${box.bottom - line.top}px` }
        : { top: `${line.bottom - box.top}px`, bottom: 'auto' };
    setPlacement((current) => (current.top === next.top && current.bottom === next.bottom ? current : next));
  }, [open, caret, draft.text, suggestions.length, ref]);

  const pick = (person: PersonRef) => {
    if (!mention) return;
    const next = insertMention(draft.text, mention.start, caret, person);
    const picked = draft.people.some((existing) => existing.id === person.id)
      ? draft.people
      : [...draft.people, person];
    onChange({ text: next.text, people: picked });
    setCaret(next.caret);
    setHighlighted(0);
    caretAfterPick.current = next.caret;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
      return;
    }
    if (!open) return;
    const person = suggestions[current];
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setHighlighted((current + 1) % suggestions.length);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setHighlighted((current - 1 + suggestions.length) % suggestions.length);
    } else if ((event.key === 'Enter' || event.key === 'Tab') && person) {
      event.preventDefault();
      pick(person);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setDismissed(mention.start);
    }
  };

  return (
    <div className="field mention-field" ref={fieldRef}>
      <label htmlFor={id}>{label}</label>
      <textarea
        ref={ref}
        id={id}
        rows={rows}
        value={draft.text}
        maxLength={10_000}
        data-testid={testId}
        aria-describedby={hintId}
        aria-autocomplete="list"
        aria-controls={listId}
        {...(open && current >= 0 ? { 'aria-activedescendant': optionId(current) } : {})}
        onChange={(event) => {
          onChange({ ...draft, text: event.target.value });
          setCaret(event.target.selectionStart);
          setDismissed(null);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
        onBlur={() => setDismissed(mention?.start ?? null)}
      />
      <p id={hintId} className="field__hint">
        {t('comments.mentionHint')}
      </p>
      <ul
        id={listId}
        ref={listRef}
        role="listbox"
        style={placement}
        className="mention-field__list"
        aria-label={t('comments.mentionList')}
        hidden={!open}
        data-testid="mention-list"
      >
        {open
          ? suggestions.map((person, index) => (
              <li
                key={person.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === current}
                className={`mention-field__option${index === current ? ' mention-field__option--current' : ''}`}
                // Keep focus in the textarea: picking must not blur it first.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(person)}
              >
                {person.name}
              </li>
            ))
          : null}
      </ul>
      <p role="status" className="visually-hidden">
        {open ? t('comments.mentionCount', { count: suggestions.length }) : ''}
      </p>
    </div>
  );
}
