import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { invitations, organizations, users, type Role } from "@/db/schema";
import { hmacHex } from "@/lib/crypto/keys";
import { randomBase62 } from "@/lib/auth/secrets";
import { invitationEmail } from "@/lib/email/templates/invitation";
import { queueEmail } from "@/lib/email/queue-email";
import { env } from "@/lib/env";

export const INVITATION_TTL_DAYS = 7;
export const hashInvitationToken = (token: string) => hmacHex("invitation", token);

/**
 * A fresh invitation link for a member and the email carrying it. Earlier pending links for the
 * same member stop working, so only the newest email is valid.
 */
export async function issueInvitation(
  db: Queryable,
  input: { orgId: string; userId: string; email: string; role: Role; invitedById: string | null },
): Promise<string> {
  await db
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(invitations.organizationId, input.orgId),
        eq(invitations.userId, input.userId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    );
  const token = randomBase62(40);
  await db.insert(invitations).values({
    organizationId: input.orgId,
    userId: input.userId,
    email: input.email,
    role: input.role,
    tokenHash: hashInvitationToken(token),
    invitedById: input.invitedById,
    expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000),
  });
  const [org] = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, input.orgId));
  const [inviter] = input.invitedById
    ? await db
        .select({ name: users.name, email: users.email })
        .from(users)
        .where(eq(users.id, input.invitedById))
    : [];
  const mail = invitationEmail({
    organizationName: org!.name,
    inviterName: inviter?.name || inviter?.email || "A teammate",
    role: input.role,
    url: `${env.appUrl}/accept-invitation?token=${token}`,
  });
  await queueEmail(db, { organizationId: input.orgId, kind: "system", to: input.email, ...mail });
  return token;
}
