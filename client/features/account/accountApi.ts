import type { InferRequestType, InferResponseType } from 'hono/client';
import { api, apiUrl } from '../../api/client';
import { readJson } from '../../api/request';

/** GET /api/me: the signed-in user and their mail preference. */
export type Me = InferResponseType<typeof api.me.$get, 200>;

/** The signed-in user as GET /api/me, sign-up and login return it. */
export type CurrentUser = Omit<Me, 'emailNotifications'>;

/** GET /api/me — rejects with a 401 ApiError when nobody is signed in. */
export function getMe(): Promise<CurrentUser> {
  return readJson(api.me.$get());
}

/** POST /api/auth/signup — creates the account and signs in (session cookie). */
export function signup(body: InferRequestType<typeof api.auth.signup.$post>['json']): Promise<CurrentUser> {
  return readJson(api.auth.signup.$post({ json: body }));
}

/** POST /api/auth/login. */
export function login(body: InferRequestType<typeof api.auth.login.$post>['json']): Promise<CurrentUser> {
  return readJson(api.auth.login.$post({ json: body }));
}

/** POST /api/auth/logout — ends this session (its open sockets close with 4401). */
export function logout(): Promise<void> {
  return readJson(api.auth.logout.$post());
}

/** POST /api/auth/password — every other session of the user ends. */
export function changePassword(
  body: InferRequestType<typeof api.auth.password.$post>['json'],
): Promise<void> {
  return readJson(api.auth.password.$post({ json: body }));
}

/** GET /api/me with the mail preference (Mijn account). */
export function getMeWithSettings(): Promise<Me> {
  return readJson(api.me.$get());
}

/** PATCH /api/me — changes the display name and/or the mail preference. */
export function updateMe(body: InferRequestType<typeof api.me.$patch>['json']): Promise<Me> {
  return readJson(api.me.$patch({ json: body }));
}

/** DELETE /api/me — anonymises the account (409 while last owner of a team with others). */
export function deleteMe(body: InferRequestType<typeof api.me.$delete>['json']): Promise<void> {
  return readJson(api.me.$delete({ json: body }));
}

/** Where the personal-data export (JSON, AVG) is downloaded from. */
export const EXPORT_URL = apiUrl(api.me.export.$path());
