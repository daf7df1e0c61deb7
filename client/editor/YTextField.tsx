import { useLayoutEffect, useRef, type InputHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import type * as Y from 'yjs';
import { setText } from '../../shared/editor/templateDoc';

type Delta = Array<{ insert?: unknown; retain?: number; delete?: number }>;

/** Where a caret at `position` ends up after a remote change described by `delta`. */
export function transformPosition(delta: Delta, position: number): number {
  let index = 0;
  let shift = 0;
  for (const op of delta) {
    if (index > position) break;
    if (op.retain !== undefined) {
      index += op.retain;
    } else if (op.insert !== undefined) {
      // Text inserted exactly at the caret stays after it: someone else's typing does not push
      // the local caret along.
      if (index < position) shift += typeof op.insert === 'string' ? op.insert.length : 1;
    } else if (op.delete !== undefined) {
      shift -= Math.max(0, Math.min(op.delete, position - index));
      index += op.delete;
    }
  }
  return Math.max(0, position + shift);
}

type SharedProps = {
  text: Y.Text;
};
type InputProps = SharedProps & { multiline?: false } & Omit<
    InputHTMLAttributes<HTMLInputElement>,
    'value' | 'defaultValue' | 'onChange' | 'type'
  >;
type TextareaProps = SharedProps & { multiline: true } & Omit<
    TextareaHTMLAttributes<HTMLTextAreaElement>,
    'value' | 'defaultValue' | 'onChange'
  >;

/**
 * An `<input>` or `<textarea>` bound to a Y.Text. Local typing becomes a minimal edit of the
 * Y.Text (setText), so two people typing in the same field merge per character instead of
 * overwriting each other. Remote changes are written into the field directly (it is uncontrolled:
 * React never resets it) and the local caret and selection are carried through the change.
 */
export function YTextField(props: InputProps | TextareaProps) {
  const { text, multiline, ...rest } = props;
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    element.value = text.toString();
    const onChange = (event: Y.YTextEvent) => {
      const next = text.toString();
      if (element.value === next) return; // our own edit, already in the field
      const focused = document.activeElement === element;
      const start = element.selectionStart ?? 0;
      const end = element.selectionEnd ?? 0;
      const direction = element.selectionDirection ?? 'none';
      element.value = next;
      if (focused) {
        const delta = event.delta as Delta;
        element.setSelectionRange(transformPosition(delta, start), transformPosition(delta, end), direction);
      }
    };
    text.observe(onChange);
    return () => text.unobserve(onChange);
  }, [text]);

  const onChange = (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) =>
    setText(text, event.currentTarget.value);

  if (multiline) {
    return (
      <textarea ref={ref} onChange={onChange} {...(rest as TextareaHTMLAttributes<HTMLTextAreaElement>)} />
    );
  }
  return (
    <input ref={ref} type="text" onChange={onChange} {...(rest as InputHTMLAttributes<HTMLInputElement>)} />
  );
}
