import { useEditorState, type Editor } from '@tiptap/react';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { MessageKey } from '../i18n/nl';
import { useT } from '../i18n/I18nProvider';
import { Bold, Italic, Link, List, ListOrdered, Redo2, Undo2, type LucideIcon } from 'lucide-react';
import { headingIcon } from './icons';
import { LinkForm } from './LinkForm';

interface ToolbarButton {
  key: string;
  label: MessageKey;
  /** Values for the label's placeholders. */
  labelParams?: Record<string, number>;
  icon: LucideIcon;
  /** Pressed state for toggles; undefined for plain actions. */
  active?: boolean;
  /** For a button that opens a panel: whether it is open (aria-expanded). */
  expanded?: boolean;
  enabled: boolean;
  run: () => void;
}

/**
 * Formatting toolbar for one section editor (WAI-ARIA toolbar pattern: one tab stop, arrow keys
 * move between buttons). Buttons keep the editor's selection and return focus to the text.
 */
export function EditorToolbar({
  editor,
  editorId,
  sectionHeading,
  headingLevel = 3,
  linkRequest = 0,
}: {
  editor: Editor;
  /** id of the ProseMirror element the toolbar acts on. */
  editorId: string;
  sectionHeading: string;
  /** The level of the headings the "H" button makes (the text's top heading level). */
  headingLevel?: 1 | 2 | 3 | 4 | 5 | 6;
  /** How often Ctrl+K was pressed in the text: each new count opens the link form. */
  linkRequest?: number;
}) {
  const t = useT();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      heading: e.isActive('heading', { level: headingLevel }),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
      link: e.isActive('link'),
    }),
  });
  const [linkOpen, setLinkOpen] = useState(false);
  const linkFormId = useId();
  // Ctrl+K in the text (counted by the editor) opens the form; the count is also the form's key,
  // so a form already open starts again (focus, and the link the caret is in now).
  const [seenLinkRequest, setSeenLinkRequest] = useState(linkRequest);
  if (linkRequest !== seenLinkRequest) {
    setSeenLinkRequest(linkRequest);
    setLinkOpen(true);
  }
  const [focusIndex, setFocusIndex] = useState(0);
  const buttonRefs = useRef<Array<HTMLButtonElement | null>>([]);

  const chain = () => editor.chain().focus();
  const buttons: ToolbarButton[] = [
    {
      key: 'bold',
      label: 'toolbar.bold',
      icon: Bold,
      active: state.bold,
      enabled: true,
      run: () => chain().toggleBold().run(),
    },
    {
      key: 'italic',
      label: 'toolbar.italic',
      icon: Italic,
      active: state.italic,
      enabled: true,
      run: () => chain().toggleItalic().run(),
    },
    {
      key: 'heading',
      label: 'toolbar.heading',
      labelParams: { level: headingLevel },
      icon: headingIcon(headingLevel),
      active: state.heading,
      enabled: true,
      run: () => chain().toggleHeading({ level: headingLevel }).run(),
    },
    {
      key: 'link',
      label: 'toolbar.link',
      icon: Link,
      active: state.link,
      expanded: linkOpen,
      enabled: true,
      run: () => setLinkOpen((open) => !open),
    },
    {
      key: 'bulletList',
      label: 'toolbar.bulletList',
      icon: List,
      active: state.bulletList,
      enabled: true,
      run: () => chain().toggleBulletList().run(),
    },
    {
      key: 'orderedList',
      label: 'toolbar.orderedList',
      icon: ListOrdered,
      active: state.orderedList,
      enabled: true,
      run: () => chain().toggleOrderedList().run(),
    },
    {
      key: 'undo',
      label: 'toolbar.undo',
      icon: Undo2,
      enabled: state.canUndo,
      run: () => chain().undo().run(),
    },
    {
      key: 'redo',
      label: 'toolbar.redo',
      icon: Redo2,
      enabled: state.canRedo,
      run: () => chain().redo().run(),
    },
  ];

  const moveFocus = (index: number) => {
    const next = (index + buttons.length) % buttons.length;
    setFocusIndex(next);
    buttonRefs.current[next]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowRight: focusIndex + 1,
      ArrowLeft: focusIndex - 1,
      Home: 0,
      End: buttons.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveFocus(target);
  };

  return (
    <>
      <div
        className="toolbar"
        role="toolbar"
        aria-label={t('toolbar.label', { section: sectionHeading })}
        aria-controls={editorId}
        onKeyDown={onKeyDown}
      >
        {buttons.map((button, index) => (
          <button
            key={button.key}
            ref={(element) => {
              buttonRefs.current[index] = element;
            }}
            type="button"
            className="toolbar__button"
            data-command={button.key}
            tabIndex={index === focusIndex ? 0 : -1}
            aria-label={t(button.label, button.labelParams)}
            title={t(button.label, button.labelParams)}
            aria-pressed={button.active}
            aria-expanded={button.expanded}
            aria-controls={button.expanded ? linkFormId : undefined}
            // aria-disabled instead of disabled: the button stays focusable inside the toolbar.
            aria-disabled={button.enabled ? undefined : true}
            // Keep the text selection: a mouse press would otherwise move focus out of the editor.
            onMouseDown={(event) => event.preventDefault()}
            onFocus={() => setFocusIndex(index)}
            onClick={() => {
              if (button.enabled) button.run();
            }}
          >
            <button.icon aria-hidden="true" focusable="false" size={18} />
          </button>
        ))}
      </div>
      {linkOpen ? (
        <div id={linkFormId}>
          <LinkForm key={linkRequest} editor={editor} onClose={() => setLinkOpen(false)} />
        </div>
      ) : null}
    </>
  );
}
