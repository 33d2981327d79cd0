import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { memberships } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan, outranksOrEquals } from "@/lib/auth/permissions";
import { emailInput } from "@/lib/auth/schemas";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { createUser, findUserByEmail } from "./create-user";
import { getMemberOrThrow } from "./get-member";
import { issueInvitation } from "./invitations";
import { assertValidManager } from "./manager-rules";

export const MEMBER_ROLES = ["owner", "admin", "manager", "sales_rep"] as const;

export const inviteMemberInput = z
  .strictObject({
    email: emailInput,
    name: z.string().trim().max(120).optional(),
    role: z.enum(MEMBER_ROLES).default("sales_rep"),
    managerId: z.uuid().nullable().optional(),
  })
  .meta({ id: "InviteMember" });

/**
 * Invite someone by email. They become an "invited" member at once (so leads can be assigned to
 * them) and get an email with a link to accept; an existing Leadline account is reused, so one
 * person can belong to several organizations.
 */
export async function inviteMember(ctx: Ctx, input: z.infer<typeof inviteMemberInput>) {
  assertCan(ctx, "users:write");
  if (!outranksOrEquals(ctx.role, input.role)) {
    throw new AppError("forbidden", `Only an owner can grant the ${input.role} role.`);
  }
  return ctx.db.transaction(async (tx) => {
    if (input.managerId) await assertValidManager(tx, ctx.orgId, input.managerId);
    let user = await findUserByEmail(tx, input.email);
    if (user) {
      const [existing] = await tx
        .select({ status: memberships.status })
        .from(memberships)
        .where(and(eq(memberships.organizationId, ctx.orgId), eq(memberships.userId, user.id)));
      if (existing) {
        throw new AppError(
          "duplicate",
          `${input.email} is already a member (${existing.status}).`,
          {
            extra: { existingId: user.id },
          },
        );
      }
    } else {
      user = await createUser(tx, { email: input.email, name: input.name });
    }
    await tx.insert(memberships).values({
      organizationId: ctx.orgId,
      userId: user.id,
      role: input.role,
      status: "invited",
      managerId: input.managerId ?? null,
      invitedById: ctx.actor.userId,
    });
    await issueInvitation(tx, {
      orgId: ctx.orgId,
      userId: user.id,
      email: user.email,
      role: input.role,
      invitedById: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: "user.invited",
      resourceType: "user",
      resourceId: user.id,
      changes: { email: user.email, role: input.role },
    });
    return getMemberOrThrow(ctx, user.id, tx);
  });
}

/** Send a new invitation link to a member who hasn't accepted yet. */
export async function resendInvitation(ctx: Ctx, userId: string) {
  assertCan(ctx, "users:write");
  const member = await getMemberOrThrow(ctx, userId);
  if (member.status !== "invited") {
    throw new AppError("conflict", "This member has already accepted their invitation.");
  }
  await ctx.db.transaction(async (tx) => {
    await issueInvitation(tx, {
      orgId: ctx.orgId,
      userId,
      email: member.email,
      role: member.role,
      invitedById: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: "user.invitation_resent",
      resourceType: "user",
      resourceId: userId,
    });
  });
  return member;
}
