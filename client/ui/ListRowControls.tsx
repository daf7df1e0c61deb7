import { useId, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { ConfirmButton } from './ConfirmButton';
import { focusWhenRendered } from './ListFocus';
import { ItemButton } from './ListItemButton';
import { ArrowDown, ArrowUp, Plus, Trash2 } from 'lucide-react';

/**
 * "Omhoog" and "Omlaag" for one row of an ordered list, disabled at the ends. `onMove` moves the
 * row (and announces it); then focus goes back to the pressed button in the moved row, or to the
 * other one when the row reached the end and the pressed one is now disabled.
 */
export function ListMoveButtons({
  labels,
  context,
  index,
  count,
  actions,
  rowSelector,
  onMove,
}: {
  labels: { up: string; down: string };
  /** Read after each label by screen readers only: which row. */
  context: string;
  index: number;
  count: number;
  /** The buttons' `data-action` values. */
  actions: { up: string; down: string };
  /** CSS selector of this row. */
  rowSelector: string;
  onMove: (delta: -1 | 1) => void;
}) {
  const move = (delta: -1 | 1) => {
    onMove(delta);
    focusWhenRendered([
      `${rowSelector} [data-action="${delta < 0 ? actions.up : actions.down}"]`,
      `${rowSelector} [data-action="${delta < 0 ? actions.down : actions.up}"]`,
    ]);
  };
  return (
    <>
      <ItemButton
        label={labels.up}
        icon={<ArrowUp aria-hidden="true" />}
        context={context}
        disabled={index === 0}
        data-action={actions.up}
        onClick={() => move(-1)}
      />
      <ItemButton
        label={labels.down}
        icon={<ArrowDown aria-hidden="true" />}
        context={context}
        disabled={index === count - 1}
        data-action={actions.down}
        onClick={() => move(1)}
      />
    </>
  );
}

/**
 * "Verwijderen" for a row, asking first; `onRemove` removes it (and may announce it), then focus
 * goes to `focusAfter` (usually the list's add button, which is always there).
 */
export function ListRemoveButton({
  label,
  context,
  question,
  testId,
  focusAfter,
  onRemove,
}: {
  label: string;
  context: string;
  question: string;
  testId?: string;
  focusAfter: string;
  onRemove: () => void;
}) {
  return (
    <ConfirmButton
      label={label}
      context={context}
      question={question}
      testId={testId}
      icon={<Trash2 aria-hidden="true" />}
      onConfirm={() => {
        onRemove();
        focusWhenRendered([focusAfter]);
      }}
    />
  );
}

/**
 * The actions under a row of an ordered list: up, down, anything else (`children`) and a
 * "Verwijderen" that asks first. `onRemove` removes the row (and announces it); then focus goes to
 * `focusAfterRemove` (the list's add button).
 */
export function ListRowActions({
  remove,
  children,
  ...moveProps
}: Parameters<typeof ListMoveButtons>[0] & {
  remove: Omit<Parameters<typeof ListRemoveButton>[0], 'context'>;
  children?: ReactNode;
}) {
  return (
    <div className="outcome-row__actions">
      <ListMoveButtons {...moveProps} />
      {children}
      <ListRemoveButton {...remove} context={moveProps.context} />
    </div>
  );
}

/** The "add a row" button under a list: `onAdd` adds it, then focus goes to `focusFor(newId)`. */
export function ListAddButton({
  label,
  onAdd,
  focusFor,
  ...rest
}: {
  label: string;
  onAdd: () => string | null | undefined;
  focusFor: (id: string) => string;
} & Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children' | 'onClick' | 'type'>) {
  return (
    <button
      type="button"
      className="button"
      {...rest}
      onClick={() => {
        const id = onAdd();
        if (id) focusWhenRendered([focusFor(id)]);
      }}
    >
      <Plus aria-hidden="true" />
      {label}
    </button>
  );
}

/**
 * A section of the editor holding one ordered list: heading, what comes before the list (`intro`),
 * the `<ol>` and, when editable, the add button (`add`).
 */
export function ListSection({
  heading,
  intro,
  listClassName,
  add,
  children,
  ...rest
}: {
  heading: string;
  intro?: ReactNode;
  listClassName: string;
  add?: ReactNode;
  children: ReactNode;
  id?: string;
  'data-testid'?: string;
}) {
  const headingId = useId();
  return (
    <section className="draft-section" aria-labelledby={headingId} {...rest}>
      <h2 id={headingId}>{heading}</h2>
      {intro}
      <ol className={listClassName}>{children}</ol>
      {add}
    </section>
  );
}
