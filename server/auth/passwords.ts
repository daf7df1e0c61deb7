// Loaded on the first hash or verification (a login, a signup, a password change), not at start:
// the native module and its bindings cost several MB of RSS in a server that may run for days
// without anyone signing in. Known and unknown e-mail addresses both verify through here, so the
// one-off load cannot tell them apart.
let argon2: Promise<typeof import('@node-rs/argon2')> | undefined;
const loadArgon2 = () => (argon2 ??= import('@node-rs/argon2'));

// OWASP's minimum for argon2id: 19 MiB memory, 2 iterations, 1 lane.
// `Algorithm` is an ambient const enum the compiler cannot inline here (verbatimModuleSyntax): 2 = Argon2id.
const ARGON2ID = 2;
const options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** argon2id hash (PHC string with salt and parameters). */
export async function hashPassword(password: string): Promise<string> {
  const { hash } = await loadArgon2();
  return hash(password, options);
}

/** Verifies a password against a stored hash; false for an empty or malformed hash. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  if (!storedHash) return false;
  const { verify } = await loadArgon2();
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real verification. Used when the e-mail is unknown, so response times
 * do not reveal which addresses have an account.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('dummy password for timing');
  await verifyPassword(await dummyHash, password);
  return false;
}
