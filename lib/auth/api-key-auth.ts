import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { hmacHex } from "@/lib/crypto/keys";
import { AppError } from "@/lib/errors";

export const hashApiKey = (secret: string) => hmacHex("api-key", secret);

/** lastUsedAt is refreshed at most once a minute per key: no write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** An API key from its secret; revoked and expired keys are refused at once. */
export async function authenticateApiKey(db: Database, secret: string) {
  const [key] = await db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.keyHash, hashApiKey(secret)))
    .limit(1);
  const now = Date.now();
  if (!key || key.revokedAt || (key.expiresAt && key.expiresAt.getTime() <= now)) {
    throw new AppError("invalid_token", "The API key is invalid, revoked or expired.");
  }
  if (!key.lastUsedAt || now - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db
      .update(apiKeys)
      .set({ lastUsedAt: new Date(now) })
      .where(eq(apiKeys.id, key.id))
      .then(
        () => undefined,
        () => undefined,
      );
  }
  return key;
}
