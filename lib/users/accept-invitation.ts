import { and, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { invitations, memberships, organizations, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { SignedIn } from "@/lib/auth/login";
import { hashPassword, passwordSchema, verifyPassword } from "@/lib/auth/password";
import type { ClientMeta } from "@/lib/auth/refresh-tokens";
import { AppError } from "@/lib/errors";
import { hashInvitationToken } from "./invitations";

export const acceptInvitationInput = z
  .strictObject({
    token: z.string().min(10).max(200),
    password: passwordSchema,
    name: z.string().trim().min(1).max(120).optional(),
  })
  .meta({ id: "AcceptInvitation" });

export const invitationPreviewSchema = z
  .object({
    email: z.email(),
    organization: z.object({ name: z.string() }),
    role: z.string(),
    accountExists: z.boolean().meta({ description: "true: sign in with the existing password" }),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: "InvitationPreview" });

const invalid = () =>
  new AppError("not_found", "This invitation is invalid, used, revoked or expired.");

async function pendingInvitation(db: Database, token: string) {
  const [row] = await db
    .select({
      invitation: invitations,
      orgName: organizations.name,
      passwordHash: users.passwordHash,
      userName: users.name,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .innerJoin(users, eq(users.id, invitations.userId))
    .where(
      and(
        eq(invitations.tokenHash, hashInvitationToken(token)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    )
    .limit(1);
  if (!row) throw invalid();
  return row;
}

/** What the invitation page shows before the invitee accepts. */
export async function previewInvitation(
  db: Database,
  token: string,
): Promise<z.infer<typeof invitationPreviewSchema>> {
  const row = await pendingInvitation(db, token);
  return {
    email: row.invitation.email,
    organization: { name: row.orgName },
    role: row.invitation.role,
    accountExists: Boolean(row.passwordHash),
    expiresAt: row.invitation.expiresAt.toISOString(),
  };
}

/**
 * Accept an invitation: a new person sets their password; someone who already has a Leadline
 * account proves it with theirs. The membership becomes active and they are signed in to it.
 */
export async function acceptInvitation(
  db: Database,
  input: z.infer<typeof acceptInvitationInput>,
  meta: ClientMeta,
): Promise<SignedIn> {
  const row = await pendingInvitation(db, input.token);
  const inv = row.invitation;
  if (row.passwordHash && !(await verifyPassword(row.passwordHash, input.password))) {
    throw new AppError(
      "invalid_credentials",
      "This email already has a Leadline account: enter its password.",
    );
  }
  const passwordHash = row.passwordHash ? null : await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [accepted] = await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(
        and(
          eq(invitations.id, inv.id),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning();
    if (!accepted) throw invalid();
    const [membership] = await tx
      .update(memberships)
      .set({ status: "active" })
      .where(
        and(
          eq(memberships.organizationId, inv.organizationId),
          eq(memberships.userId, inv.userId),
          eq(memberships.status, "invited"),
        ),
      )
      .returning();
    if (!membership) throw invalid();
    const [user] = await tx
      .update(users)
      .set({
        ...(passwordHash ? { passwordHash, emailVerifiedAt: new Date() } : {}),
        ...(input.name && !row.userName ? { name: input.name } : {}),
        lastOrganizationId: inv.organizationId,
        lastLoginAt: new Date(),
      })
      .where(eq(users.id, inv.userId))
      .returning();
    await recordAudit(
      tx,
      {
        orgId: inv.organizationId,
        actor: { type: "user", id: inv.userId, userId: inv.userId },
        ...meta,
      },
      {
        action: "user.invitation_accepted",
        resourceType: "user",
        resourceId: inv.userId,
      },
    );
    return {
      user: {
        id: user!.id,
        email: user!.email,
        name: user!.name,
        sessionVersion: user!.sessionVersion,
      },
      organization: { id: inv.organizationId, name: row.orgName },
      role: membership.role,
    };
  });
}
