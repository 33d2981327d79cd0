import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { users } from "@/db/schema";
import { revokeUserRefreshTokens } from "./refresh-tokens";

/**
 * End every session of a user: refresh tokens are revoked and the session version moves on, so
 * outstanding access tokens and browser sessions stop working on their next request. Returns the
 * new version, for re-issuing the caller's own session when they should stay signed in.
 */
export async function signOutEverywhere(db: Queryable, userId: string): Promise<number> {
  await revokeUserRefreshTokens(db, userId);
  const [row] = await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion });
  return row!.sessionVersion;
}
