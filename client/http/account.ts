import { requestJson } from './request';

/** The signed-in user as GET /api/me returns it. */
export interface CurrentUser {
  id: string;
  email: string;
  name: string;
}

/** GET /api/me — rejects with a 401 ApiError when nobody is signed in. */
export function getMe(): Promise<CurrentUser> {
  return requestJson<CurrentUser>('/api/me');
}

/** POST /api/auth/signup — creates the account and signs in (session cookie). */
export function signup(body: { name: string; email: string; password: string }): Promise<CurrentUser> {
  return requestJson<CurrentUser>('/api/auth/signup', { method: 'POST', body });
}

/** POST /api/auth/login. */
export function login(body: { email: string; password: string }): Promise<CurrentUser> {
  return requestJson<CurrentUser>('/api/auth/login', { method: 'POST', body });
}

/** POST /api/auth/logout — ends this session (its open sockets close with 4401). */
export function logout(): Promise<void> {
  return requestJson<void>('/api/auth/logout', { method: 'POST' });
}

/** POST /api/auth/password — every other session of the user ends. */
export function changePassword(body: { currentPassword: string; newPassword: string }): Promise<void> {
  return requestJson<void>('/api/auth/password', { method: 'POST', body });
}

/** PATCH /api/me — changes the display name. */
export function updateMe(body: { name: string }): Promise<CurrentUser> {
  return requestJson<CurrentUser>('/api/me', { method: 'PATCH', body });
}

/** DELETE /api/me — anonymises the account (409 while last owner of a team with others). */
export function deleteMe(body: { password: string }): Promise<void> {
  return requestJson<void>('/api/me', { method: 'DELETE', body });
}

/** Where the personal-data export (JSON, AVG) is downloaded from. */
export const EXPORT_URL = '/api/me/export';
