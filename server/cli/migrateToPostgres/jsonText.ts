/**
 * `JSON.stringify(value)` (no replacer, no indent) without recursion: V8's own throws "Maximum call
 * stack size exceeded" at a few thousand levels, and a document's content may nest deeper.
 */
export function jsonText(value: unknown): string | undefined {
  const out: string[] = [];
  // Each entry: a value to write, or a literal piece of output (brackets, commas, keys).
  const stack: Array<{ value: unknown } | { text: string }> = [{ value }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    if ('text' in entry) {
      out.push(entry.text);
      continue;
    }
    let current = entry.value;
    if (
      current !== null &&
      typeof current === 'object' &&
      typeof (current as { toJSON?: unknown }).toJSON === 'function'
    )
      current = (current as { toJSON: () => unknown }).toJSON();
    if (current === null || typeof current !== 'object') {
      out.push(JSON.stringify(current) ?? 'null');
      continue;
    }
    const pieces: Array<{ value: unknown } | { text: string }> = [];
    if (Array.isArray(current)) {
      pieces.push({ text: '[' });
      current.forEach((item, index) => {
        if (index > 0) pieces.push({ text: ',' });
        pieces.push({ value: item });
      });
      pieces.push({ text: ']' });
    } else {
      pieces.push({ text: '{' });
      let first = true;
      for (const [key, item] of Object.entries(current)) {
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
        pieces.push({ text: `${first ? '' : ','}${JSON.stringify(key)}:` }, { value: item });
        first = false;
      }
      pieces.push({ text: '}' });
    }
    for (let i = pieces.length - 1; i >= 0; i--) stack.push(pieces[i]!);
  }
  return value === undefined ? undefined : out.join('');
}
