/** Per-socket update rate: a token bucket kept as two numbers on the socket (4,000 sockets: no objects). */
export interface RateState {
  /** Tokens left at `tokensAt` (starts full: NaN until the first update). */
  tokens: number;
  /** When `tokens` was computed, in ms. */
  tokensAt: number;
}

/** The rate allowed: `perSecond` updates a second on average, `burst` at once. */
export interface UpdateRate {
  perSecond: number;
  burst: number;
}

/** Takes one token for an update at `now`; false when the socket is over its rate. */
export function takeUpdateToken(state: RateState, rate: UpdateRate, now: number): boolean {
  const refilled = Number.isNaN(state.tokens)
    ? rate.burst
    : Math.min(rate.burst, state.tokens + ((now - state.tokensAt) * rate.perSecond) / 1000);
  state.tokensAt = now;
  if (refilled < 1) {
    state.tokens = refilled;
    return false;
  }
  state.tokens = refilled - 1;
  return true;
}
