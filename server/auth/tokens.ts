import { randomBytes } from 'node:crypto';
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** A random string from a CSPRNG with `bytes` × 8 bits of entropy, base32 (lower case, no padding). */
export function generateSecureRandomString(bytes: number): string {
  return encodeBase32LowerCaseNoPadding(randomBytes(bytes));
}

/** SHA-256 of a secret; only this is stored, so a database leak does not leak usable tokens. */
export function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

/** Compares a presented secret with a stored hash in constant time. */
export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
  return constantTimeEqual(hashSecret(secret), new Uint8Array(storedHash));
}
