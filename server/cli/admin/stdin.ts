import type { Readable } from 'node:stream';

/** How long reset-password without --stdin waits for a first byte on a pipe before printing a link. */
const FIRST_BYTE_WAIT_MS = 1_000;

/**
 * The first line of `input` (without its line end), read until a newline or the end; '' when there
 * is none. With `waitMs`, gives up with '' when nothing arrives in that time (an open, silent pipe).
 */
export function readFirstLine(input: Readable, waitMs?: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    let timer: NodeJS.Timeout | undefined;
    const finish = (line: string) => {
      clearTimeout(timer);
      input.off('data', onData).off('end', onEnd).off('error', onError);
      input.pause();
      // Nothing more is read: an unended pipe must not keep the process alive.
      if ('unref' in input && typeof input.unref === 'function') (input.unref as () => void)();
      resolve(line.replace(/\r$/, ''));
    };
    const onData = (chunk: Buffer | string) => {
      clearTimeout(timer);
      text += chunk.toString();
      const newline = text.indexOf('\n');
      if (newline >= 0) finish(text.slice(0, newline));
    };
    const onEnd = () => finish(text);
    const onError = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    input.on('data', onData).on('end', onEnd).on('error', onError);
    if (waitMs !== undefined) timer = setTimeout(() => finish(''), waitMs);
  });
}

/** The password line for reset-password: required with --stdin; else only when a pipe brings one. */
export async function optionalPasswordLine(input: Readable & { isTTY?: boolean }, required: boolean) {
  if (required) return await readFirstLine(input);
  if (input.isTTY) return '';
  return await readFirstLine(input, FIRST_BYTE_WAIT_MS);
}
