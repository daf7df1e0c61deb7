import { PASSWORD_MAX, PASSWORD_MIN } from '../domain/passwords';
import { ROLES, TEAM_KINDS } from '../domain/roles';
import { LICENSES } from '../domain/licenses';
import { z } from './zod';
import { mailInvitationFields } from './mail';

export { PASSWORD_MAX, PASSWORD_MIN };

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'E-mailadres is te lang')
  .pipe(z.email('Geen geldig e-mailadres'));
const password = z
  .string()
  .min(PASSWORD_MIN, `Wachtwoord moet minstens ${PASSWORD_MIN} tekens hebben`)
  .max(PASSWORD_MAX, `Wachtwoord mag hoogstens ${PASSWORD_MAX} tekens hebben`);
const name = z.string().trim().min(1, 'Naam is leeg').max(100, 'Naam is langer dan 100 tekens');

/**
 * The invitation a sign-up came through (team invite or feedback link): it lets the person sign up
 * whatever SIGNUP says, and is accepted as the next step.
 */
const signupInvite = z
  .object({ kind: z.enum(['team', 'round']), token: z.string().min(1).max(200) })
  .strict();
/** POST /api/auth/signup */
export const signupBody = z.object({ email, password, name, invite: signupInvite.optional() }).strict();
/** POST /api/auth/password-reset/:token */
export const passwordResetBody = z.object({ password }).strict();
/** POST /api/auth/login — no length rules here: a wrong password is just wrong. */
export const loginBody = z.object({ email, password: z.string().min(1).max(PASSWORD_MAX) }).strict();
/** POST /api/auth/password */
export const changePasswordBody = z
  .object({ currentPassword: z.string().min(1).max(PASSWORD_MAX), newPassword: password })
  .strict();
/** DELETE /api/me */
export const deleteAccountBody = z.object({ password: z.string().min(1).max(PASSWORD_MAX) }).strict();
/** PATCH /api/me */
export const updateMeBody = z.object({ name }).strict();

const role = z.enum(ROLES, 'Rol moet owner, editor, commenter of viewer zijn');
const optionalName = z.string().trim().max(200, 'Naam is langer dan 200 tekens').optional();

/** POST /api/teams */
export const createTeamBody = z
  .object({
    name: z.string().trim().min(1, 'Teamnaam is leeg').max(200, 'Teamnaam is langer dan 200 tekens'),
    kind: z.enum(TEAM_KINDS, 'Soort moet atelier, cocreatieteam of toetsingscommissie zijn'),
    lab: optionalName,
    consortium: optionalName,
  })
  .strict();
/** PATCH /api/teams/:teamId */
export const updateTeamBody = createTeamBody
  .omit({ kind: true })
  .extend({ license: z.enum(LICENSES, `Licentie moet een van deze zijn: ${LICENSES.join(', ')}`) })
  .partial()
  .strict();
/** POST /api/teams/:teamId/members */
export const addMemberBody = z.object({ email, role }).strict();
/** PATCH /api/teams/:teamId/members/:userId */
export const changeRoleBody = z.object({ role }).strict();
/** POST /api/teams/:teamId/invites */
export const createInviteBody = z
  .object({
    role,
    expiresInDays: z.number().int().min(1).max(30).optional(),
    /** Mails the link to this address (with SMTP_URL), in `language`. */
    ...mailInvitationFields,
  })
  .strict();

/** The mail schemas, here too: the sign-in pages load this one file (and zod) lazily. */
export { passwordResetRequestBody } from './mail';

export type SignupBody = z.infer<typeof signupBody>;
export type SignupInvite = z.infer<typeof signupInvite>;
export type CreateTeamBody = z.infer<typeof createTeamBody>;
