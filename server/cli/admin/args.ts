/** The commands of `npm run admin`. */
export const ADMIN_COMMANDS = [
  'create-user',
  'reset-password',
  'list-users',
  'disable-user',
  'enable-user',
  'make-admin',
] as const;
export type AdminCommand = (typeof ADMIN_COMMANDS)[number];

/** A parsed command line. */
export interface AdminArgs {
  command: AdminCommand;
  email?: string;
  name?: string;
  /** reset-password: read the new password from stdin instead of printing a link. */
  stdin: boolean;
}

/** What `npm run admin` prints on a usage error (exit code 1). */
export const USAGE = `Usage: npm run admin -- <command> [options]

Commands:
  create-user --email E --name N    create an account; the password is one line on stdin
  reset-password --email E          print a one-time reset link, valid for 1 hour
  reset-password --email E --stdin  set the password read as one line from stdin
  list-users                        email, name, created, flags (tab-separated)
  disable-user --email E            end their sessions and sockets; they cannot log in again
  enable-user --email E             let a disabled account log in again
  make-admin --email E              mark a platform admin (may create a toetsingscommissie)

Uses the server's settings (DATA_DIR or DATABASE_URL, PUBLIC_ORIGIN); safe while it runs.
Exit codes: 0 done, 1 usage or invalid input, 2 no such user, 3 failed (e.g. no database).

Example:
  printf '%s\\n' "$PASSWORD" | npm run admin -- create-user --email a@school.nl --name "An de Vries"
`;

const NEEDS: Record<AdminCommand, readonly ('email' | 'name')[]> = {
  'create-user': ['email', 'name'],
  'reset-password': ['email'],
  'list-users': [],
  'disable-user': ['email'],
  'enable-user': ['email'],
  'make-admin': ['email'],
};

/** Parses `argv` (after the script); a string is the usage problem to print above USAGE. */
export function parseAdminArgs(argv: readonly string[]): AdminArgs | string {
  const [command, ...rest] = argv;
  if (!command) return 'No command given.';
  if (!(ADMIN_COMMANDS as readonly string[]).includes(command)) return `Unknown command: ${command}`;
  const args: AdminArgs = { command: command as AdminCommand, stdin: false };
  for (let index = 0; index < rest.length; index++) {
    const option = rest[index]!;
    if (option === '--stdin' && args.command === 'reset-password') {
      args.stdin = true;
      continue;
    }
    if (
      (option === '--email' || option === '--name') &&
      NEEDS[args.command].includes(option.slice(2) as 'email')
    ) {
      const value = rest[++index];
      if (value === undefined || value.startsWith('--')) return `${option} needs a value.`;
      args[option === '--email' ? 'email' : 'name'] = value;
      continue;
    }
    return `Unknown option for ${args.command}: ${option}`;
  }
  const missing = NEEDS[args.command].filter((option) => args[option] === undefined);
  if (missing.length > 0)
    return `${args.command} needs ${missing.map((option) => `--${option}`).join(' and ')}.`;
  return args;
}
