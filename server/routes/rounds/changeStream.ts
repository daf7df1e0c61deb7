import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { onRoundChange } from '../../commands/roundEvents';
import type { AppEnv, Auth } from '../../deps';
import { clientAddress } from '../../http/address';
import { sendError } from '../../http/errors';
import type { EventStream, EventStreams } from '../../http/eventStreams';

/** Longest gap between two messages: proxies close connections idle for 30–60 s. */
const MAX_KEEPALIVE_MS = 25_000;

/** What a change stream tells about: one document's comments and rounds, or one round's. */
export interface StreamScope {
  docId: string;
  roundId: string | null;
  /** The check that let the stream open (the caller ran it), repeated while it is open. */
  authorize(): Promise<unknown>;
}

/**
 * Keeps an SSE stream open, sending `changed` whenever the scope's comments or rounds change, and a
 * ping (with a check that the holder may still listen) every keep-alive. Over the caps: 429. Ended
 * by the server (logout, access gone): an `end` event with the reason, then the response ends; the
 * browser's EventSource reconnects and meets the 401 or 403 that now applies.
 */
export function changeStream(
  c: Context<AppEnv>,
  streams: EventStreams,
  auth: Auth,
  scope: StreamScope,
  keepAliveMs: number,
) {
  let wake: (() => void) | null = null;
  let endedWith: string | undefined;
  const stream: EventStream = {
    holder: { userId: auth.user.id, sessionId: auth.session.id, address: clientAddress(c) },
    authorize: scope.authorize,
    end: (reason) => {
      endedWith ??= reason;
      wake?.();
    },
  };
  const release = streams.add(stream);
  if (typeof release === 'string') {
    return sendError(
      c,
      429,
      'too_many_connections',
      release === 'user'
        ? 'Je hebt te veel documenten tegelijk open. Sluit een paar tabbladen en probeer het opnieuw.'
        : 'Te veel verbindingen vanaf dit adres. Probeer het later opnieuw.',
    );
  }
  const every = Math.min(keepAliveMs, MAX_KEEPALIVE_MS);
  return streamSSE(c, async (sse) => {
    const pending: string[] = [];
    const stop = onRoundChange(scope.docId, (change) => {
      if (scope.roundId && change.roundId !== scope.roundId) return;
      pending.push(JSON.stringify(change));
      wake?.();
    });
    sse.onAbort(() => wake?.());
    const open = () => !sse.aborted && !sse.closed && endedWith === undefined;
    try {
      await sse.writeSSE({ event: 'ready', data: '{}' });
      while (open()) {
        let timer: NodeJS.Timeout | undefined;
        const quiet = await new Promise<boolean>((resolve) => {
          wake = () => resolve(false);
          timer = setTimeout(() => resolve(true), every);
        });
        clearTimeout(timer);
        wake = null;
        if (quiet && (await streams.check(stream)) && open())
          await sse.writeSSE({ event: 'ping', data: '{}' });
        while (open() && pending.length > 0) await sse.writeSSE({ event: 'changed', data: pending.shift()! });
      }
      if (endedWith !== undefined && !sse.aborted) {
        await sse.writeSSE({ event: 'end', data: JSON.stringify({ reason: endedWith }) });
      }
    } finally {
      stop();
      release();
    }
  });
}
