import { eq } from "drizzle-orm";
import { z } from "zod";
import { organizations } from "@/db/schema";
import { diffChanges, recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";

export const organizationSchema = z
  .object({ id: z.uuid(), name: z.string(), slug: z.string(), createdAt: z.iso.datetime() })
  .meta({ id: "Organization" });

export const updateOrganizationInput = z
  .strictObject({ name: z.string().trim().min(1).max(120) })
  .meta({ id: "UpdateOrganization" });

function toDto(row: typeof organizations.$inferSelect): z.infer<typeof organizationSchema> {
  return { id: row.id, name: row.name, slug: row.slug, createdAt: row.createdAt.toISOString() };
}

/** The caller's own organization (there is no way to name another). */
export async function getOrganization(ctx: Ctx) {
  assertCan(ctx, "organization:read");
  const [row] = await ctx.db.select().from(organizations).where(eq(organizations.id, ctx.orgId));
  return toDto(row!);
}

export async function updateOrganization(ctx: Ctx, input: z.infer<typeof updateOrganizationInput>) {
  assertCan(ctx, "organization:write");
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(organizations).where(eq(organizations.id, ctx.orgId));
    const [row] = await tx
      .update(organizations)
      .set(input)
      .where(eq(organizations.id, ctx.orgId))
      .returning();
    await recordAudit(tx, ctx, {
      action: "organization.updated",
      resourceType: "organization",
      resourceId: ctx.orgId,
      changes: diffChanges(before!, input),
    });
    return toDto(row!);
  });
}
