import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

/** OWASP's argon2id recommendation: 19 MiB memory, 2 iterations, 1 lane. */
const ARGON2_OPTIONS = {
  algorithm: 2 /* argon2id */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

export const passwordSchema = z
  .string()
  .min(8, "Password must be at least 8 characters")
  .max(128, "Password must be at most 128 characters");

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

// Verified against when the account doesn't exist, so a wrong email costs the same time as a
// wrong password and response timing doesn't reveal which accounts exist.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("leadline-timing-equaliser");
  await verifyPassword(await dummyHash, password);
}
