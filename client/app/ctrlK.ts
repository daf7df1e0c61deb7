/**
 * True for Ctrl+K (⌘K on a Mac): a link in the text of an editor (RichTextEditor), the search
 * field everywhere else (HeaderSearch), so both read the keys the same way.
 */
export function isCtrlK(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
}
