import type { Readable } from 'node:stream';
import { signupBody } from '../../../shared/schemas/auth';
import {
  createAccount,
  disableAccount,
  enableAccount,
  makeAdmin,
  setPassword,
} from '../../commands/accountAdmin';
import type { AccountDeps } from '../../commands/accountDeps';
import { issuePasswordReset, PASSWORD_RESET_PATH } from '../../commands/passwordReset';
import type { Env } from '../../env';
import { configuredOrigin } from '../../http/origin';
import type { AdminArgs } from './args';
import { optionalPasswordLine, readFirstLine } from './stdin';

/** Exit codes of `npm run admin`. */
export const EXIT = { ok: 0, usage: 1, notFound: 2, failed: 3 } as const;

/** Where the command writes, and what it reads the password from. */
export interface AdminIo {
  stdin: Readable & { isTTY?: boolean };
  out(line: string): void;
  err(line: string): void;
}

const formatTime = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());

/** Runs one parsed command against the database; resolves with the exit code. */
export async function runAdminCommand(
  args: AdminArgs,
  deps: AccountDeps,
  env: Pick<Env, 'HOST' | 'PORT' | 'PUBLIC_ORIGIN'>,
  io: AdminIo,
): Promise<number> {
  if (args.command === 'list-users') {
    io.out(['email', 'name', 'created', 'flags'].join('\t'));
    for (const account of await deps.stores.users.listAccounts()) {
      const flags = [account.disabledAt !== null && 'disabled', account.adminAt !== null && 'admin'];
      const shown = flags.filter(Boolean).join(',') || '-';
      io.out([account.email, account.name, formatTime(account.createdAt), shown].join('\t'));
    }
    return EXIT.ok;
  }

  if (args.command === 'create-user') {
    if (io.stdin.isTTY) {
      io.err('create-user reads the password as one line on stdin: pipe it in (see the example).');
      return EXIT.usage;
    }
    const parsed = signupBody.safeParse({
      email: args.email,
      name: args.name,
      password: await readFirstLine(io.stdin),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) io.err(`${issue.path.join('.')}: ${issue.message}`);
      return EXIT.usage;
    }
    const created = await createAccount(deps, parsed.data);
    if (created === 'exists') {
      io.err(`A user with e-mail ${parsed.data.email} already exists.`);
      return EXIT.usage;
    }
    io.out(`created ${parsed.data.email} (${created.id})`);
    return EXIT.ok;
  }

  const found = await deps.stores.users.getWithHashByEmail(args.email ?? '');
  if (!found) {
    io.err(`No user with e-mail ${args.email ?? ''}.`);
    return EXIT.notFound;
  }
  const { user } = found;
  switch (args.command) {
    case 'reset-password': {
      const password = await optionalPasswordLine(io.stdin, args.stdin);
      if (!password && !args.stdin) {
        const { token } = await issuePasswordReset(deps, user.id);
        io.out(`${configuredOrigin(env)}${PASSWORD_RESET_PATH}${token}`);
        io.err(`One-time link for ${user.email}, valid for 1 hour.`);
        if (found.disabled) io.err('Note: this account is disabled; enable-user lets it log in again.');
        return EXIT.ok;
      }
      const checked = signupBody.shape.password.safeParse(password);
      if (!checked.success) {
        io.err(`password: ${checked.error.issues[0]?.message ?? 'invalid'}`);
        return EXIT.usage;
      }
      const ended = await setPassword(deps, user.id, checked.data);
      io.out(`password set for ${user.email}; ended ${ended.length} session(s)`);
      return EXIT.ok;
    }
    case 'disable-user': {
      const ended = await disableAccount(deps, user.id);
      io.out(`disabled ${user.email}; ended ${ended.length} session(s)`);
      return EXIT.ok;
    }
    case 'enable-user':
      await enableAccount(deps, user.id);
      io.out(`enabled ${user.email}`);
      return EXIT.ok;
    case 'make-admin':
      await makeAdmin(deps, user.id);
      io.out(`${user.email} is a platform admin`);
      return EXIT.ok;
  }
}
