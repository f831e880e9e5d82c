/**
 * Password hashing with argon2id (@node-rs/argon2), at OWASP's recommended minimum
 * (19 MiB memory, 2 iterations, 1 lane). A sign-in for an ID that has no password still spends the
 * same work on a dummy hash, so response time does not tell which IDs exist.
 */
import { hash, verify } from '@node-rs/argon2';

const OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let dummy: Promise<string> | undefined;

/** Verifies a password; with no stored hash, verifies against a dummy and returns false. */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  if (!stored) {
    dummy ??= hashPassword('dummy password for timing equality');
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
