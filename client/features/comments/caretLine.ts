const COPIED = [
  'boxSizing',
  'width',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'fontFamily',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'letterSpacing',
  'lineHeight',
  'tabSize',
  'textTransform',
  'wordSpacing',
] as const;

/**
 * The top and bottom of the textarea's line with the caret, in viewport pixels. A textarea does
 * not tell where its caret is, so a hidden copy with the same box and font lays out the text before
 * the caret and a marker after it; the marker's line is the caret's line.
 */
export function caretLine(textarea: HTMLTextAreaElement): { top: number; bottom: number } {
  const style = getComputedStyle(textarea);
  const mirror = document.createElement('div');
  for (const property of COPIED) mirror.style[property] = style[property];
  Object.assign(mirror.style, {
    position: 'absolute',
    visibility: 'hidden',
    top: '0',
    left: '-9999px',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'break-word',
    borderStyle: 'solid',
  });
  mirror.textContent = textarea.value.slice(0, textarea.selectionStart);
  const marker = document.createElement('span');
  marker.textContent = '\u200b';
  mirror.append(marker);
  document.body.append(mirror);
  const top = textarea.getBoundingClientRect().top + marker.offsetTop - textarea.scrollTop;
  const height = marker.offsetHeight;
  mirror.remove();
  return { top, bottom: top + height };
}
