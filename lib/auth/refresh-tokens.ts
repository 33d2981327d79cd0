import { and, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { refreshTokens } from "@/db/schema";
import { newId } from "@/lib/crypto/ids";
import { hmacHex } from "@/lib/crypto/keys";
import { AppError } from "@/lib/errors";
import { REFRESH_TOKEN_PREFIX, randomBase62 } from "./secrets";

export const REFRESH_TOKEN_TTL_DAYS = 30;

export interface ClientMeta {
  ip?: string | null;
  userAgent?: string | null;
}

const hash = (token: string) => hmacHex("refresh-token", token);

export async function issueRefreshToken(
  db: Queryable,
  input: { userId: string; orgId: string; familyId?: string } & ClientMeta,
): Promise<string> {
  const token = REFRESH_TOKEN_PREFIX + randomBase62(43);
  await db.insert(refreshTokens).values({
    organizationId: input.orgId,
    userId: input.userId,
    familyId: input.familyId ?? newId(),
    tokenHash: hash(token),
    expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_DAYS * 86_400_000),
    ip: input.ip ?? null,
    userAgent: input.userAgent?.slice(0, 500) ?? null,
  });
  return token;
}

/**
 * Spend a refresh token (rotation). Marking it used is one conditional update, so two requests
 * racing with the same token cannot both win. Presenting a token that was already spent means it
 * leaked: its whole family — every token descending from that login — is revoked.
 */
export async function spendRefreshToken(db: Queryable, token: string) {
  const invalid = () => new AppError("invalid_token", "The refresh token is invalid or expired.");
  if (!token.startsWith(REFRESH_TOKEN_PREFIX)) throw invalid();
  const tokenHash = hash(token);
  const [spent] = await db
    .update(refreshTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(refreshTokens.tokenHash, tokenHash),
        isNull(refreshTokens.usedAt),
        isNull(refreshTokens.revokedAt),
        sql`${refreshTokens.expiresAt} > now()`,
      ),
    )
    .returning();
  if (spent) return spent;
  const [existing] = await db
    .select()
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, tokenHash))
    .limit(1);
  if (existing?.usedAt) await revokeFamily(db, existing.familyId);
  throw invalid();
}

export async function revokeFamily(db: Queryable, familyId: string) {
  await db
    .update(refreshTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
}

/** Revoke the family a token belongs to (logout with a token); unknown tokens are ignored. */
export async function revokeRefreshToken(db: Queryable, token: string) {
  const [row] = await db
    .select({ familyId: refreshTokens.familyId })
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, hash(token)))
    .limit(1);
  if (row) await revokeFamily(db, row.familyId);
}

/** Revoke every refresh token of a user (in one organization, or everywhere). */
export async function revokeUserRefreshTokens(db: Queryable, userId: string, orgId?: string) {
  await db
    .update(refreshTokens)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(refreshTokens.userId, userId),
        orgId ? eq(refreshTokens.organizationId, orgId) : undefined,
        isNull(refreshTokens.revokedAt),
      ),
    );
}
