/** An SSE stream opened the way EventSource opens one (with the session cookie). */
export interface TestEventStream {
  readonly status: number;
  /** The error body when the server refused the stream. */
  readonly refusal: unknown;
  /** Everything received so far. */
  text(): string;
  /** Resolves once the response ended. */
  readonly ended: Promise<void>;
  /** Whether the response has ended. */
  isEnded(): boolean;
  /** Closes the stream from the client side (as closing a tab does). */
  close(): Promise<void>;
}

/** Opens `GET path` on `url` as an event stream; resolves once the status is known. */
export async function openEventStream(url: string, path: string, cookie: string): Promise<TestEventStream> {
  const abort = new AbortController();
  const response = await fetch(`${url}${path}`, {
    headers: { cookie, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  if (!response.ok) {
    const refusal = (await response.json()) as unknown;
    const done = Promise.resolve();
    return {
      status: response.status,
      refusal,
      text: () => '',
      ended: done,
      isEnded: () => true,
      close: () => done,
    };
  }
  let received = '';
  let finished = false;
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const ended = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        received += decoder.decode(value, { stream: true });
      }
    } catch {
      // Aborted by close().
    } finally {
      finished = true;
    }
  })();
  return {
    status: response.status,
    refusal: undefined,
    text: () => received,
    ended,
    isEnded: () => finished,
    close: async () => {
      abort.abort();
      await ended;
    },
  };
}
