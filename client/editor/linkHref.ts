/** Protocols a link in a design may use; anything else (javascript:, data:, file:) is refused. */
const ALLOWED = new Set(['http:', 'https:', 'mailto:']);
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/;

/**
 * The address a typed link goes to, or undefined when it cannot be one. People type what they
 * see in a browser bar or on a card: "www.slo.nl/kader" becomes https://…, "naam@school.nl" a
 * mailto: link; a full http(s) or mailto address is kept as typed.
 */
export function linkHref(typed: string): string | undefined {
  const value = typed.trim();
  if (!value || /\s/.test(value)) return undefined;
  const candidate = SCHEME.test(value)
    ? value
    : EMAIL.test(value)
      ? `mailto:${value}`
      : `https://${value.replace(/^\/+/, '')}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return undefined;
  }
  if (!ALLOWED.has(url.protocol)) return undefined;
  if (url.protocol === 'mailto:') return EMAIL.test(url.pathname) ? candidate : undefined;
  // A host without a dot ("https://kader") is a typo far more often than an intranet name.
  return url.hostname.includes('.') || url.hostname === 'localhost' ? candidate : undefined;
}
