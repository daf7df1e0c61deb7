/** The encodings the build writes copies in (the precompress plugin in vite.config.ts). */
export type Encoding = 'br' | 'gzip';
const ENCODINGS: readonly Encoding[] = ['br', 'gzip'];

/** The suffix of each encoding's copy, written beside the file. */
export const VARIANTS: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

/**
 * The encodings an `Accept-Encoding` header allows, most wanted first (ties: brotli, the smaller).
 * `q=0` refuses one; `*` stands for every encoding not named.
 */
export function acceptedEncodings(header: string | undefined): Encoding[] {
  if (!header) return [];
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const q = params.find((param) => param.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (name) weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const wildcard = weights.get('*') ?? 0;
  return ENCODINGS.map((encoding) => ({ encoding, weight: weights.get(encoding) ?? wildcard }))
    .filter(({ weight }) => weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .map(({ encoding }) => encoding);
}
