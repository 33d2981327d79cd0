import { and, count, eq, inArray, type AnyColumn } from "drizzle-orm";
import { z } from "zod";
import {
  customFieldDefinitions,
  CUSTOM_FIELD_TYPES,
  leadOptions,
  leads,
  OPTION_KINDS,
  STATUS_CATEGORIES,
  type OptionKind,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { AppError, notFound } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db-errors";
import { loadLeadOptions, TEMPERATURE_OPTIONS } from "./lead-options";
import { slugify } from "./normalize";

const COLUMN: Record<OptionKind, AnyColumn> = {
  status: leads.status,
  source: leads.source,
  industry: leads.industry,
  lost_reason: leads.lostReason,
};

export const optionKindParam = z.object({ kind: z.enum(OPTION_KINDS) });

export const replaceOptionsInput = z
  .strictObject({
    options: z
      .array(
        z.strictObject({
          value: z
            .string()
            .trim()
            .min(1)
            .max(60)
            .optional()
            .meta({ description: "Omit for a new value: a slug is made from the label" }),
          label: z.string().trim().min(1).max(80),
          category: z
            .enum(STATUS_CATEGORIES)
            .nullable()
            .optional()
            .meta({ description: "Statuses only" }),
          retired: z.boolean().optional(),
          position: z
            .number()
            .int()
            .optional()
            .meta({ description: "Ignored: the array order is the order" }),
        }),
      )
      .min(1)
      .max(200),
  })
  .meta({ id: "ReplaceLeadOptions" });

/** Everything a lead form needs: picklists in order, temperatures, custom field definitions. */
export async function getLeadOptions(ctx: Ctx) {
  assertCan(ctx, "leads:read");
  const snapshot = await loadLeadOptions(ctx.db, ctx.orgId);
  return {
    status: snapshot.options.status,
    source: snapshot.options.source,
    industry: snapshot.options.industry,
    lostReason: snapshot.options.lost_reason,
    temperature: TEMPERATURE_OPTIONS,
    customFields: snapshot.customFields,
  };
}

/**
 * Replace one picklist: the order given is the order kept, labels may change, slugs never do.
 * A value still used by leads can't disappear — it can be retired (kept on those leads, no
 * longer offered). The pipeline keeps at least one open status.
 */
export async function replaceLeadOptions(
  ctx: Ctx,
  kind: OptionKind,
  input: z.infer<typeof replaceOptionsInput>,
) {
  assertCan(ctx, "lead_options:write");
  const incoming = input.options.map((o, position) => ({
    value: o.value ? o.value.toLowerCase() : slugify(o.label),
    label: o.label,
    category: kind === "status" ? (o.category ?? "open") : null,
    retired: o.retired ?? false,
    position,
  }));
  const bad = incoming.findIndex((o) => !/^[a-z0-9][a-z0-9_]*$/.test(o.value));
  if (bad >= 0) {
    throw new AppError("validation_error", "Values are lower-case slugs", {
      errors: [{ path: `options[${bad}].value`, message: "Use a-z, 0-9 and _" }],
    });
  }
  if (new Set(incoming.map((o) => o.value)).size !== incoming.length) {
    throw new AppError("validation_error", "Each value may appear once", {
      errors: [{ path: "options", message: "Duplicate values" }],
    });
  }
  if (kind === "status" && !incoming.some((o) => o.category === "open" && !o.retired)) {
    throw new AppError("validation_error", "Keep at least one open status", {
      errors: [{ path: "options", message: "No open status" }],
    });
  }
  return ctx.db.transaction(async (tx) => {
    const existing = await tx
      .select()
      .from(leadOptions)
      .where(and(eq(leadOptions.organizationId, ctx.orgId), eq(leadOptions.kind, kind)));
    const removed = existing
      .filter((e) => !incoming.some((o) => o.value === e.value))
      .map((e) => e.value);
    if (removed.length) {
      const [used] = await tx
        .select({ n: count() })
        .from(leads)
        .where(and(eq(leads.organizationId, ctx.orgId), inArray(COLUMN[kind], removed)));
      if (used!.n > 0) {
        throw new AppError(
          "conflict",
          `${removed.join(", ")} ${removed.length === 1 ? "is" : "are"} still used by ${used!.n} lead(s): retire instead of removing.`,
        );
      }
      await tx
        .delete(leadOptions)
        .where(
          and(
            eq(leadOptions.organizationId, ctx.orgId),
            eq(leadOptions.kind, kind),
            inArray(leadOptions.value, removed),
          ),
        );
    }
    for (const o of incoming) {
      await tx
        .insert(leadOptions)
        .values({ organizationId: ctx.orgId, kind, ...o })
        .onConflictDoUpdate({
          target: [leadOptions.organizationId, leadOptions.kind, leadOptions.value],
          set: { label: o.label, category: o.category, retired: o.retired, position: o.position },
        });
    }
    await recordAudit(tx, ctx, {
      action: "lead_options.updated",
      resourceType: "lead_options",
      resourceId: kind,
      changes: { values: incoming.map((o) => o.value), removed },
    });
    return (await loadLeadOptions(tx, ctx.orgId)).options[kind];
  });
}

export const createCustomFieldInput = z
  .strictObject({
    key: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{0,39}$/, "Lower-case letters, digits and _")
      .optional(),
    label: z.string().trim().min(1).max(80),
    type: z.enum(CUSTOM_FIELD_TYPES),
    options: z.array(z.string().trim().min(1).max(80)).max(200).optional(),
    required: z.boolean().optional(),
  })
  .refine((f) => !["select", "multiselect"].includes(f.type) || (f.options?.length ?? 0) > 0, {
    message: "A choice field needs options",
    path: ["options"],
  })
  .meta({ id: "CreateCustomField" });

export const updateCustomFieldInput = z
  .strictObject({
    label: z.string().trim().min(1).max(80).optional(),
    options: z.array(z.string().trim().min(1).max(80)).max(200).optional(),
    required: z.boolean().optional(),
    position: z.number().int().min(0).max(10_000).optional(),
    archived: z.boolean().optional(),
  })
  .meta({ id: "UpdateCustomField" });

export async function listCustomFields(ctx: Ctx) {
  assertCan(ctx, "leads:read");
  return { data: (await loadLeadOptions(ctx.db, ctx.orgId)).customFields };
}

/** A new typed field on every lead of the organization; its key is permanent. */
export async function createCustomField(ctx: Ctx, input: z.infer<typeof createCustomFieldInput>) {
  assertCan(ctx, "lead_options:write");
  const key = input.key ?? slugify(input.label).replace(/^(\d)/, "f_$1");
  try {
    return await ctx.db.transaction(async (tx) => {
      const [{ n }] = (await tx
        .select({ n: count() })
        .from(customFieldDefinitions)
        .where(eq(customFieldDefinitions.organizationId, ctx.orgId))) as [{ n: number }];
      const [row] = await tx
        .insert(customFieldDefinitions)
        .values({
          organizationId: ctx.orgId,
          key,
          label: input.label,
          type: input.type,
          options: input.options ?? [],
          required: input.required ?? false,
          position: n,
        })
        .returning();
      await recordAudit(tx, ctx, {
        action: "custom_field.created",
        resourceType: "custom_field",
        resourceId: row!.id,
        changes: { key, type: input.type },
      });
      return (await loadLeadOptions(tx, ctx.orgId)).customFields.find((f) => f.id === row!.id)!;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("duplicate", `A custom field with the key "${key}" exists.`, {
        errors: [{ path: "key", message: "Already used" }],
      });
    throw error;
  }
}

export async function updateCustomField(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof updateCustomFieldInput>,
) {
  assertCan(ctx, "lead_options:write");
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(customFieldDefinitions)
      .set(input)
      .where(
        and(
          eq(customFieldDefinitions.organizationId, ctx.orgId),
          eq(customFieldDefinitions.id, id),
        ),
      )
      .returning();
    if (!row) throw notFound("Custom field");
    await recordAudit(tx, ctx, {
      action: "custom_field.updated",
      resourceType: "custom_field",
      resourceId: id,
      changes: input,
    });
    return (await loadLeadOptions(tx, ctx.orgId)).customFields.find((f) => f.id === id)!;
  });
}

/** Removing a field archives it: values on leads are kept and the key stays reserved. */
export async function archiveCustomField(ctx: Ctx, id: string) {
  await updateCustomField(ctx, id, { archived: true });
}
