import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** A random string from [0-9A-Za-z] with `length` characters (≈5.95 bits each, no modulo bias). */
export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

/** Prefixes make leaked secrets recognisable to scanners and to people. */
export const API_KEY_PREFIX = "ll_live_";
export const REFRESH_TOKEN_PREFIX = "llr_";
