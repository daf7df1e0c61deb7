import { hc, type ClientRequestOptions } from 'hono/client';
import type { AppType } from '../../server/app';
import { apiFetch } from './request';

const API_BASE = '/api';

/**
 * The typed API client: its paths, parameters, bodies and answers come from the server's routes
 * (AppType), so a route and its call cannot drift apart unnoticed. Every call goes through
 * apiFetch; read answers with readJson.
 */
export const api = hc<AppType>(API_BASE, { fetch: apiFetch() });

/** Per-call option: a 401 is the caller's business (public pages, the editor), not a lost session. */
export const quiet: ClientRequestOptions = { fetch: apiFetch({ reportUnauthenticated: false }) };

/**
 * Path parameters, URL-encoded: hc puts them into the path as they are, and an id or token must
 * never be able to change which route is called.
 */
export function pathParams<T extends Record<string, string>>(values: T): T {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, encodeURIComponent(value)]),
  ) as T;
}

/** The browser URL of a typed path (links, downloads, event streams): `$path()` leaves out /api. */
export function apiUrl(path: string): string {
  return `${API_BASE}${path}`;
}
