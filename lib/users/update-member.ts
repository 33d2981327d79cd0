import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { invitations, memberships } from "@/db/schema";
import { diffChanges, recordAudit } from "@/lib/audit/record-audit";
import { assertCan, outranksOrEquals } from "@/lib/auth/permissions";
import { revokeUserRefreshTokens } from "@/lib/auth/refresh-tokens";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { getMemberOrThrow } from "./get-member";
import { MEMBER_ROLES } from "./invite-member";
import { assertValidManager } from "./manager-rules";

export const updateMemberInput = z
  .strictObject({
    role: z.enum(MEMBER_ROLES).optional(),
    managerId: z.uuid().nullable().optional(),
    status: z.enum(["active", "deactivated"]).optional(),
  })
  .meta({ id: "UpdateMember" });

async function activeOwnerCount(db: Queryable, orgId: string, except: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, orgId),
        eq(memberships.role, "owner"),
        eq(memberships.status, "active"),
        ne(memberships.userId, except),
      ),
    );
  return row?.n ?? 0;
}

/**
 * Change a member's role, manager or status. Only owners touch owners; nobody grants more than
 * they hold; the last active owner can't be demoted or deactivated; a deactivated member's
 * sessions, tokens and refresh tokens stop working at once.
 */
export async function updateMember(
  ctx: Ctx,
  userId: string,
  input: z.infer<typeof updateMemberInput>,
) {
  assertCan(ctx, "users:write");
  return ctx.db.transaction(async (tx) => {
    const before = await getMemberOrThrow(ctx, userId, tx);
    const touchesOwner = before.role === "owner" || input.role === "owner";
    if (touchesOwner && ctx.role !== "owner")
      throw new AppError("forbidden", "Only an owner can change an owner.");
    if (input.role && !outranksOrEquals(ctx.role, input.role)) {
      throw new AppError("forbidden", `You cannot grant the ${input.role} role.`);
    }
    if (input.status === "active" && before.status === "invited") {
      throw new AppError(
        "conflict",
        "An invited member becomes active by accepting the invitation.",
      );
    }
    const losesOwner =
      before.role === "owner" &&
      before.status === "active" &&
      ((input.role && input.role !== "owner") || input.status === "deactivated");
    if (losesOwner && (await activeOwnerCount(tx, ctx.orgId, userId)) === 0) {
      throw new AppError(
        "conflict",
        "The last owner of an organization cannot be demoted or deactivated.",
      );
    }
    if (input.status === "deactivated" && userId === ctx.actor.userId) {
      throw new AppError("conflict", "You cannot deactivate yourself.");
    }
    if (input.managerId) await assertValidManager(tx, ctx.orgId, input.managerId, userId);
    const changes = diffChanges(before, input);
    if (Object.keys(changes).length === 0) return before;
    await tx
      .update(memberships)
      .set({
        ...(input.role ? { role: input.role } : {}),
        ...(input.managerId !== undefined ? { managerId: input.managerId } : {}),
        ...(input.status
          ? {
              status: input.status,
              deactivatedAt: input.status === "deactivated" ? new Date() : null,
            }
          : {}),
      })
      .where(and(eq(memberships.organizationId, ctx.orgId), eq(memberships.userId, userId)));
    if (input.status === "deactivated") {
      await revokeUserRefreshTokens(tx, userId, ctx.orgId);
      await tx
        .update(invitations)
        .set({ revokedAt: new Date() })
        .where(
          and(
            eq(invitations.organizationId, ctx.orgId),
            eq(invitations.userId, userId),
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
          ),
        );
    }
    const action =
      input.status === "deactivated"
        ? "user.deactivated"
        : input.status === "active"
          ? "user.reactivated"
          : changes.role
            ? "user.role_changed"
            : "user.updated";
    await recordAudit(tx, ctx, { action, resourceType: "user", resourceId: userId, changes });
    return getMemberOrThrow(ctx, userId, tx);
  });
}
