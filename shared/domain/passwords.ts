// Apart from the zod schemas so a page can show the rule without loading zod.

/** Passwords: at least 10 characters (OWASP ASVS), at most 256 — long passphrases welcome. */
export const PASSWORD_MIN = 10;
/** The longest password accepted. */
export const PASSWORD_MAX = 256;
