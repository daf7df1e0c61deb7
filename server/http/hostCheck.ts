import { isIP } from 'node:net';

/** Interfaces that accept connections for any name: the Host header cannot be checked against them. */
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '0:0:0:0:0:0:0:0']);
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** What the Host check compares against: a public origin, or the address the server listens on. */
export interface HostCheckSettings {
  HOST: string;
  PUBLIC_ORIGIN?: string | undefined;
}

/**
 * The names this server answers to, or undefined for any name (HOST is a wildcard and no
 * PUBLIC_ORIGIN is set). A request for another name is refused (421), so a page on a rebound DNS
 * name never reaches the app with the visitor's cookies for our origin. Ports are not compared:
 * DNS cannot change them, and a port mapping or load balancer in front legitimately does.
 */
export function allowedHostnames(settings: HostCheckSettings): ReadonlySet<string> | undefined {
  if (settings.PUBLIC_ORIGIN) return new Set([new URL(settings.PUBLIC_ORIGIN).hostname]);
  const host = settings.HOST.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (WILDCARD_HOSTS.has(host)) return undefined;
  const listening = isIP(host) === 6 ? `[${host}]` : host;
  return new Set(isLoopback(host) ? [listening, ...LOOPBACK_NAMES] : [listening]);
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Whether a Host header names one of `allowed` (any name when undefined; none when it is absent). */
export function isAllowedHost(allowed: ReadonlySet<string> | undefined, host: string | undefined): boolean {
  if (!allowed) return true;
  const hostname = hostnameOf(host);
  return hostname !== undefined && allowed.has(hostname);
}

/** The lower-case name of a Host header (IPv6 in brackets, as URL gives it), or undefined if malformed. */
function hostnameOf(host: string | undefined): string | undefined {
  if (!host || /[\s/?#@\\]/.test(host)) return undefined;
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return undefined;
  }
}
