import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { deriveKey } from "./keys";

/**
 * Secrets Leadline must use later (SMTP passwords, provider API keys) are stored encrypted with
 * AES-256-GCM under a key derived from AUTH_SECRET: a database dump alone reveals none of them,
 * and a tampered value fails to decrypt instead of yielding garbage.
 */
const VERSION = "v1";

export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", deriveKey("secrets-at-rest"), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url"));
  return [VERSION, ...parts].join(".");
}

export function decryptSecret(sealed: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) {
    throw new Error("Not an encrypted secret");
  }
  const decipher = createDecipheriv(
    "aes-256-gcm",
    deriveKey("secrets-at-rest"),
    Buffer.from(iv, "base64url"),
  );
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([
    decipher.update(Buffer.from(body, "base64url")),
    decipher.final(),
  ]).toString("utf8");
}
