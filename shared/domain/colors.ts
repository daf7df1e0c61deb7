/**
 * Presence colours: each gives at least 4.5:1 contrast with white text (caret labels, avatars), so
 * names stay readable (WCAG 2.1 AA).
 */
export const PRESENCE_COLORS = [
  '#1d4ed8',
  '#b91c1c',
  '#047857',
  '#7e22ce',
  '#b45309',
  '#0e7490',
  '#be185d',
  '#4d7c0f',
  '#4338ca',
  '#9f1239',
] as const;

/** A stable colour for a user id (the same on every device and for every viewer). */
export function colorForUser(userId: string): string {
  let hash = 0;
  for (let i = 0; i < userId.length; i++) hash = (hash * 31 + userId.charCodeAt(i)) >>> 0;
  return PRESENCE_COLORS[hash % PRESENCE_COLORS.length] as string;
}
