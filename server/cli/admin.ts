import { loadEnv } from '../env';
import { setLogLevel } from '../log';
import { parseAdminArgs, USAGE } from './admin/args';
import { openAdminContext } from './admin/context';
import { EXIT, runAdminCommand, type AdminIo } from './admin/run';

/**
 * `npm run admin -- <command>`: accounts for operators (create, reset a password, list, disable,
 * make admin), against the server's own database — also while it runs. See USAGE.
 */
async function main(argv: readonly string[], io: AdminIo): Promise<number> {
  const args = parseAdminArgs(argv);
  if (typeof args === 'string') {
    io.err(`${args}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const env = loadEnv();
  // The output is for the operator: the server's informational lines (migrations) stay out of it.
  setLogLevel(env.LOG_LEVEL === 'debug' || env.LOG_LEVEL === 'silent' ? env.LOG_LEVEL : 'warn');
  const context = await openAdminContext(env);
  if (typeof context === 'string') {
    io.err(context);
    return EXIT.usage;
  }
  try {
    return await runAdminCommand(args, context.deps, env, io);
  } finally {
    await context.close();
  }
}

const io: AdminIo = {
  stdin: process.stdin,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // The database did not answer, a bad setting: neither a usage error nor a missing user.
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT.failed;
  },
);
