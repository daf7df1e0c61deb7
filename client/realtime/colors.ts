/**
 * Presence colours. Each one is used as the background of white caret labels and avatar initials,
 * so every colour here has a contrast ratio of at least 4.5:1 against white (WCAG 2.1 AA, 1.4.3).
 */
export const USER_COLORS = [
  '#1d4ed8', // blauw, 6.7:1
  '#b91c1c', // rood, 6.5:1
  '#047857', // groen, 5.5:1
  '#7c3aed', // paars, 5.7:1
  '#be185d', // roze, 6.0:1
  '#b45309', // oker, 5.0:1
  '#0e7490', // petrol, 5.4:1
  '#a21caf', // fuchsia, 6.3:1
] as const;

/** Colour for users whose own colour is missing or would not be readable. */
export const FALLBACK_USER_COLOR = '#595959';

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

function channelLuminance(hex: string): number {
  const value = parseInt(hex, 16) / 255;
  return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

/** Contrast ratio of a `#rrggbb` colour against white. */
export function contrastWithWhite(color: string): number {
  const luminance =
    0.2126 * channelLuminance(color.slice(1, 3)) +
    0.7152 * channelLuminance(color.slice(3, 5)) +
    0.0722 * channelLuminance(color.slice(5, 7));
  return 1.05 / (luminance + 0.05);
}

/**
 * A colour that is safe to put white text on. Colours come from other clients' awareness state,
 * which we do not control, so anything unreadable (or not `#rrggbb`) becomes the fallback.
 */
export function readableUserColor(color: unknown): string {
  if (typeof color === 'string' && HEX_COLOR.test(color) && contrastWithWhite(color) >= 4.5) return color;
  return FALLBACK_USER_COLOR;
}

/** A random colour from the palette. */
export function randomUserColor(): string {
  return USER_COLORS[Math.floor(Math.random() * USER_COLORS.length)] ?? FALLBACK_USER_COLOR;
}
