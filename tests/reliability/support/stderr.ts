import { Writable } from 'node:stream';
import { setLogDestination } from '../../../server/log';

/**
 * Captures what this process writes to stderr and what the server's logger writes (straight to
 * fd 2, server/log.ts) instead of printing it. `stop()` restores both.
 */
export function captureStderr(): { text(): string; stop(): void } {
  const original = process.stderr.write.bind(process.stderr);
  let captured = '';
  // A Writable, as pino-pretty needs one; its write runs at once, as nothing is buffered before it.
  setLogDestination(
    new Writable({
      decodeStrings: false,
      write(chunk: string | Buffer, _encoding, done) {
        captured += String(chunk);
        done();
      },
    }),
  );
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    captured += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  }) as typeof process.stderr.write;
  return {
    text: () => captured,
    stop: () => {
      process.stderr.write = original;
      setLogDestination(undefined);
    },
  };
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
