import { BlockList, isIP } from 'node:net';

/**
 * Which peers may say where a request came from (TRUST_PROXY): the nearest `hops` proxies whoever
 * they are, or any peer whose address is in `proxies`.
 */
export type TrustProxy = { hops: number } | { proxies: BlockList };

/** Names an operator knows from Express's `trust proxy`, for proxies on the same host or network. */
const NAMED_RANGES: Record<string, readonly string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/**
 * Parses TRUST_PROXY: unset, empty or `0` → undefined (X-Forwarded-For is ignored); a whole number
 * → that many hops; otherwise a comma list of addresses, CIDRs and the names loopback, linklocal,
 * uniquelocal. Throws an Error naming the first entry that is none of these.
 */
export function parseTrustProxy(text: string | undefined): TrustProxy | undefined {
  const value = text?.trim() ?? '';
  if (/^\d+$/.test(value)) return Number(value) === 0 ? undefined : { hops: Number(value) };
  if (!value) return undefined;
  const proxies = new BlockList();
  for (const entry of value.split(',').map((part) => part.trim().toLowerCase())) {
    for (const range of NAMED_RANGES[entry] ?? [entry]) {
      if (!addRange(proxies, range)) {
        throw new Error(
          `"${entry}" is not a number of hops, an address, a CIDR or one of loopback, linklocal, uniquelocal`,
        );
      }
    }
  }
  return { proxies };
}

function addRange(list: BlockList, range: string): boolean {
  const [address = '', prefix, ...rest] = range.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (prefix === undefined) {
    list.addAddress(address, type);
    return true;
  }
  const bits = /^\d+$/.test(prefix) ? Number(prefix) : -1;
  if (bits < 0 || bits > (family === 4 ? 32 : 128)) return false;
  list.addSubnet(address, bits, type);
  return true;
}

/**
 * The client's address: walking from the peer leftwards through X-Forwarded-For (each proxy
 * appends the address it was reached from), the first hop not trusted. Entries left of it were
 * written by the client or its own proxies and are never read, so a forged left-most entry gains
 * nothing. Without `trust` the peer is the client, whatever the header says.
 */
export function forwardedClient(
  peer: string,
  forwardedFor: string | undefined,
  trust: TrustProxy | undefined,
): string {
  if (!trust || !forwardedFor) return peer;
  const hops = forwardedFor.split(',').map(bareAddress);
  let client = peer;
  for (let trusted = 0; isTrusted(trust, client, trusted); trusted++) {
    const next = hops.pop();
    // A hop that is not an address ends the walk: the last real address stands for it.
    if (next === undefined || !next) return client;
    client = next;
  }
  return client;
}

function isTrusted(trust: TrustProxy, address: string, trustedSoFar: number): boolean {
  if ('hops' in trust) return trustedSoFar < trust.hops;
  const family = isIP(address);
  return family !== 0 && trust.proxies.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** An X-Forwarded-For entry as a plain address ('' when it is none): no brackets, no port. */
function bareAddress(entry: string): string {
  const trimmed = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(trimmed);
  const withoutPort = bracketed?.[1] ?? trimmed.replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, '$1');
  return isIP(withoutPort) === 0 ? '' : withoutPort.toLowerCase();
}
