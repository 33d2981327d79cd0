import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { passwordResetTokens, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { hmacHex } from "@/lib/crypto/keys";
import { passwordResetEmail } from "@/lib/email/templates/password-reset";
import { queueEmail } from "@/lib/email/queue-email";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { findUserByEmail } from "@/lib/users/create-user";
import { activeMemberships } from "./memberships";
import { hashPassword } from "./password";
import { randomBase62 } from "./secrets";
import { signOutEverywhere } from "./sign-out-everywhere";

export const RESET_TTL_MINUTES = 60;
const MAX_RESETS_PER_HOUR = 3;
const hash = (token: string) => hmacHex("password-reset", token);

/**
 * Email a single-use reset link, if the account exists (the API answers 202 either way, and this
 * runs as a job, so neither the answer nor its timing reveals which accounts exist). At most a few
 * links an hour per account, so the form can't be used to flood someone's inbox.
 */
export async function requestPasswordReset(
  db: Database,
  email: string,
): Promise<{ sent: boolean }> {
  const user = await findUserByEmail(db, email);
  if (!user) return { sent: false };
  const [recent] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(passwordResetTokens)
    .where(
      and(
        eq(passwordResetTokens.userId, user.id),
        gt(passwordResetTokens.createdAt, new Date(Date.now() - 3600_000)),
      ),
    );
  if ((recent?.n ?? 0) >= MAX_RESETS_PER_HOUR) return { sent: false };
  const token = randomBase62(40);
  const orgs = await activeMemberships(db, user.id);
  const orgId =
    orgs.find((m) => m.orgId === user.lastOrganizationId)?.orgId ?? orgs[0]?.orgId ?? null;
  await db.transaction(async (tx) => {
    await tx.insert(passwordResetTokens).values({
      userId: user.id,
      tokenHash: hash(token),
      expiresAt: new Date(Date.now() + RESET_TTL_MINUTES * 60_000),
    });
    const mail = passwordResetEmail({
      name: user.name,
      url: `${env.appUrl}/reset-password?token=${token}`,
      expiresInMinutes: RESET_TTL_MINUTES,
    });
    await queueEmail(tx, { organizationId: orgId, kind: "system", to: user.email, ...mail });
  });
  return { sent: true };
}

/** Set a new password from a reset link; the link is spent and every session ends. */
export async function resetPassword(
  db: Database,
  input: { token: string; password: string },
  meta: { ip?: string | null; userAgent?: string | null },
) {
  const invalid = () =>
    new AppError(
      "validation_error",
      "This reset link is invalid, used or expired. Ask for a new one.",
      {
        errors: [{ path: "token", message: "Invalid, used or expired" }],
      },
    );
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const [spent] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(passwordResetTokens.tokenHash, hash(input.token)),
          isNull(passwordResetTokens.usedAt),
          gt(passwordResetTokens.expiresAt, new Date()),
        ),
      )
      .returning();
    if (!spent) throw invalid();
    await tx.update(users).set({ passwordHash }).where(eq(users.id, spent.userId));
    await signOutEverywhere(tx, spent.userId);
    for (const org of await activeMemberships(tx, spent.userId)) {
      await recordAudit(
        tx,
        {
          orgId: org.orgId,
          actor: { type: "user", id: spent.userId, userId: spent.userId },
          ...meta,
        },
        {
          action: "auth.password_reset",
          resourceType: "user",
          resourceId: spent.userId,
        },
      );
    }
  });
}
