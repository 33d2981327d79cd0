import { createHash, createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { getAuthSecret } from "./auth-secret";

/**
 * Every key is derived from AUTH_SECRET with HKDF and a distinct purpose label, so a key leaked for
 * one purpose (say, tracking links) cannot forge anything for another (sessions, tokens).
 */
export type KeyPurpose =
  | "session"
  | "access-token"
  | "refresh-token"
  | "api-key"
  | "tracking"
  | "unsubscribe"
  | "secrets-at-rest"
  | "invitation"
  | "password-reset"
  | "webhook"
  | "cursor"
  | "reply-token"
  | "inbound-email";

const cache = new Map<string, Buffer>();

export function deriveKey(purpose: KeyPurpose, length = 32): Buffer {
  const secret = getAuthSecret();
  const cacheKey = `${purpose}:${length}:${secret}`;
  let key = cache.get(cacheKey);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "leadline.v1", `leadline:${purpose}`, length));
    cache.set(cacheKey, key);
  }
  return key;
}

/** Keyed hash for storing bearer secrets (refresh tokens, API keys): a DB dump alone can't verify guesses. */
export function hmacHex(purpose: KeyPurpose, value: string): string {
  return createHmac("sha256", deriveKey(purpose)).update(value).digest("hex");
}

export function sha256Hex(value: string | Buffer): string {
  return createHash("sha256").update(value).digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
