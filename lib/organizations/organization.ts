import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { organizations } from "@/db/schema";
import { diffChanges, recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { DEFAULT_CURRENCY } from "./organization-currency";

export const organizationSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    slug: z.string(),
    currency: z.string().meta({
      description:
        "ISO 4217; deal values and campaign costs without a currency are in it (USD when never set)",
    }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Organization" });

export const updateOrganizationInput = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, "An ISO 4217 currency code such as EUR or USD (three capital letters)"),
  })
  .partial()
  .meta({ id: "UpdateOrganization" });

function toDto(row: typeof organizations.$inferSelect): z.infer<typeof organizationSchema> {
  const currency = row.settings.currency;
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    currency: typeof currency === "string" ? currency : DEFAULT_CURRENCY,
    createdAt: row.createdAt.toISOString(),
  };
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
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        // Other settings keys belong to other screens: merge, never replace.
        ...(input.currency !== undefined
          ? {
              settings: sql`${organizations.settings} || ${JSON.stringify({ currency: input.currency })}::jsonb`,
            }
          : {}),
        updatedAt: new Date(),
      })
      .where(eq(organizations.id, ctx.orgId))
      .returning();
    await recordAudit(tx, ctx, {
      action: "organization.updated",
      resourceType: "organization",
      resourceId: ctx.orgId,
      changes: diffChanges({ name: before!.name, currency: toDto(before!).currency }, {
        ...input,
      } as Record<string, unknown>),
    });
    return toDto(row!);
  });
}
