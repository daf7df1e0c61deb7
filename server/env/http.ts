import { z } from 'zod';
import { parseTrustProxy } from '../http/proxyAddress';

const MiB = 1024 * 1024;

/** What HTTP and socket frames may carry, and who may call from where. */
export const httpSettings = {
  /**
   * Largest accepted WebSocket frame; bigger frames close that socket with 1009 before anything is
   * decoded. A 50-page document pasted at once is one ~215 KB update frame, so 2 MiB lets through
   * pastes of ~450 formatted pages (and a client's sync step 2 after as much offline typing), and
   * bounds what one frame makes the server decode and hold (Outline uses 1.5 MiB).
   */
  MAX_FRAME_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(2 * MiB),
  /** Compact a document's update log into one state row after about this many updates. */
  COMPACT_EVERY: z.coerce.number().int().min(2).default(500),
  /** Largest accepted JSON body on the HTTP API. */
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1 * MiB),
  /**
   * Comma-separated origins allowed for unsafe HTTP methods and WebSocket upgrades besides the
   * app's own (PUBLIC_ORIGIN, or derived from the request's Host header when that is unset).
   */
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    ),
  /**
   * `https://werkplaats.example.nl`: the app's origin as browsers reach it. Unsafe requests and
   * WebSocket upgrades must come from it (or ALLOWED_ORIGINS), links point to it, its scheme decides
   * https (the __Host- cookie, HSTS; X-Forwarded-Proto is then ignored), and a request for another
   * Host name gets 421. Unset: the own origin is derived from Host, and Host must name the listening
   * address (HOST, plus localhost for a loopback HOST; any name when HOST is 0.0.0.0 or ::).
   */
  PUBLIC_ORIGIN: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value) return undefined;
      const url = URL.canParse(value) ? new URL(value) : undefined;
      if (
        !url ||
        !/^https?:$/.test(url.protocol) ||
        url.username ||
        url.password ||
        url.href !== `${url.origin}/`
      ) {
        ctx.addIssue({
          code: 'custom',
          message: 'an origin only (scheme, host, port) is expected, like https://werkplaats.example.nl',
        });
        return z.NEVER;
      }
      return url.origin;
    }),
  /**
   * Which peers may say where a request came from in X-Forwarded-For. Unset (or 0): nobody, the
   * socket's peer is the client — behind a proxy every user then shares its address and its limits.
   * `1` (or N): the nearest proxy (or N proxies) whoever it is; only when nothing but the proxy can
   * reach this server. A comma list of addresses and CIDRs (IPv4, IPv6; also `loopback`,
   * `linklocal`, `uniquelocal`): just those peers. The client is the right-most entry no trusted
   * proxy wrote, for every per-address limit and the audit log; entries left of it are ignored.
   */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx) => {
      try {
        return parseTrustProxy(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
        return z.NEVER;
      }
    }),
};
