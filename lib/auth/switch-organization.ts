import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import type { AuthedCtx } from "./authenticate";
import { activeMemberships } from "./memberships";
import { startSession, type AuthSession } from "./sessions";

/** The organizations the caller belongs to, for the switcher. */
export async function listMyOrganizations(ctx: AuthedCtx) {
  const member = ctx.auth.member;
  if (!member)
    return [{ id: ctx.orgId, name: (await orgName(ctx)) ?? "", role: ctx.role, current: true }];
  return (await activeMemberships(ctx.db, member.userId)).map((m) => ({
    id: m.orgId,
    name: m.orgName,
    role: m.role,
    current: m.orgId === ctx.orgId,
  }));
}

async function orgName(ctx: AuthedCtx) {
  const org = await ctx.db.query.organizations.findFirst({
    where: (o, { eq }) => eq(o.id, ctx.orgId),
  });
  return org?.name;
}

/**
 * Move the caller to another of their organizations. Every token is bound to one organization,
 * so switching means new credentials; an organization they don't belong to is a 404.
 */
export async function switchOrganization(
  ctx: AuthedCtx,
  organizationId: string,
): Promise<AuthSession> {
  const member = ctx.auth.member;
  if (!member)
    throw new AppError("forbidden", "An API key belongs to one organization and cannot switch.");
  const target = (await activeMemberships(ctx.db, member.userId)).find(
    (m) => m.orgId === organizationId,
  );
  if (!target) throw new AppError("not_found", "Organization not found");
  await ctx.db
    .update(users)
    .set({ lastOrganizationId: target.orgId })
    .where(eq(users.id, member.userId));
  await recordAudit(
    ctx.db,
    { ...ctx, orgId: target.orgId },
    {
      action: "auth.organization_switched",
      resourceType: "organization",
      resourceId: target.orgId,
    },
  );
  return startSession(
    ctx.db,
    {
      user: {
        id: member.userId,
        email: member.email,
        name: member.name,
        sessionVersion: member.sessionVersion,
      },
      organization: { id: target.orgId, name: target.orgName },
      role: target.role,
    },
    ctx,
  );
}
