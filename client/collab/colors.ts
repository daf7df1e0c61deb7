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
 * A colour that is safe to put white text on (caret labels, avatars: WCAG 2.1 AA, 1.4.3). The
 * server sets everyone's colour from shared/domain/colors.ts, whose palette is readable; this still
 * guards what arrives over the wire, which the client does not control.
 */
export function readableUserColor(color: unknown): string {
  if (typeof color === 'string' && HEX_COLOR.test(color) && contrastWithWhite(color) >= 4.5) return color;
  return FALLBACK_USER_COLOR;
}
