import type { WebsocketProvider } from 'y-websocket';
import { MessageType } from '../../shared/collab/messages';

/**
 * The server's access-changed message (`[5]`, shared/collab/accessChanged.ts): this user's access
 * to the open document may have changed. It carries nothing; listeners look the role up again.
 * Installed before the provider connects, so no such message reaches y-websocket unhandled.
 */
export class AccessChangeEvents {
  private readonly listeners = new Set<() => void>();

  constructor(provider: WebsocketProvider) {
    // Writes nothing to the encoder: y-websocket then sends no answer.
    provider.messageHandlers[MessageType.accessChanged] = () => {
      for (const listener of [...this.listeners]) listener();
    };
  }

  /** Adds a listener; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Stops listening. */
  destroy(): void {
    this.listeners.clear();
  }
}
