import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import { MessageType } from '../../shared/collab/messages';
import { CountingWebSocket } from './CountingWebSocket';

/**
 * Teaches the provider Werkplaats' message type 4, `[4, varUint n]`. The handler writes nothing to
 * `encoder`: y-websocket's readMessage only answers when the encoder holds more than one byte, so
 * an ack is never echoed back.
 */
export function installDurableAckHandler(provider: WebsocketProvider): void {
  provider.messageHandlers[MessageType.durable] = (_encoder, decoder, receiver) => {
    const count = decoding.readVarUint(decoder);
    // onmessage only runs for the provider's current socket, so the ack belongs to `receiver.ws`.
    if (receiver.ws instanceof CountingWebSocket) receiver.ws.acknowledge(count);
  };
}
