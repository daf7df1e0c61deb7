// Node (24 included) has no global ErrorEvent, which @hono/node-ws constructs for every socket error;
// without it the library prints a ReferenceError stack and our onError handler never runs.
if (typeof globalThis.ErrorEvent === 'undefined') {
  class NodeErrorEvent extends Event {
    readonly error: unknown;
    readonly message: string;
    constructor(type: string, init: { error?: unknown; message?: string } = {}) {
      super(type);
      this.error = init.error;
      this.message = init.message ?? (init.error instanceof Error ? init.error.message : '');
    }
  }
  (globalThis as { ErrorEvent?: unknown }).ErrorEvent = NodeErrorEvent;
}

export {};
