/** Why a socket is refused: which cap it would exceed. */
export type CapExceeded = 'user' | 'address';

/** Who holds a socket (or an event stream, which counts the same). */
export interface CapIdentity {
  userId: string;
  address?: string;
}

/** Open sockets per user and per network address, against their caps (undefined: no cap). */
export class SocketCaps {
  private readonly byUser = new Map<string, number>();
  private readonly byAddress = new Map<string, number>();

  constructor(private readonly limits: { maxSocketsPerUser?: number; maxSocketsPerAddress?: number }) {}

  /** Which cap one more socket for this user and address would exceed, if any. */
  admit(identity: CapIdentity): CapExceeded | undefined {
    const { maxSocketsPerUser, maxSocketsPerAddress } = this.limits;
    if (maxSocketsPerUser !== undefined && (this.byUser.get(identity.userId) ?? 0) >= maxSocketsPerUser)
      return 'user';
    if (
      maxSocketsPerAddress !== undefined &&
      identity.address !== undefined &&
      (this.byAddress.get(identity.address) ?? 0) >= maxSocketsPerAddress
    )
      return 'address';
    return undefined;
  }

  /**
   * Checks and counts in one step (an event stream): the cap it would exceed (then nothing is
   * counted), or the function that counts it out again (once, however often it is called).
   */
  hold(identity: CapIdentity): CapExceeded | (() => void) {
    const capped = this.admit(identity);
    if (capped) return capped;
    this.count(identity, 1);
    let held = true;
    return () => {
      if (held) this.count(identity, -1);
      held = false;
    };
  }

  /** Counts a socket in (+1, when it joins) or out (−1, when it leaves). */
  count(identity: CapIdentity | undefined, delta: 1 | -1): void {
    bump(this.byUser, identity?.userId, delta);
    bump(this.byAddress, identity?.address, delta);
  }
}

function bump(map: Map<string, number>, key: string | undefined, delta: 1 | -1): void {
  if (key === undefined) return;
  const next = (map.get(key) ?? 0) + delta;
  if (next <= 0) map.delete(key);
  else map.set(key, next);
}
