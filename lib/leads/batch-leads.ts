import { z } from "zod";
import { leadCreated } from "@/inngest/events";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { enqueueEvent } from "@/lib/jobs/outbox";
import { zodFieldErrors } from "@/lib/http/problem";
import { writeLeadBatch, type BulkOutcome } from "./bulk-write";
import { loadLeadOptions } from "./lead-options";
import { createLeadInput } from "./lead-schemas";
import { getScoringConfig } from "./scoring/scoring-config";
import { assignableForCaller } from "./visibility";

export const batchLeadsInput = z
  .strictObject({
    leads: z
      .array(z.unknown())
      .min(1)
      .max(1000)
      .meta({ description: "Up to 1,000 leads, each shaped like POST /leads" }),
    mode: z
      .enum(["create", "upsert"])
      .default("create")
      .meta({ description: "upsert: update the lead with the same email" }),
  })
  .meta({ id: "BatchLeads" });

export const batchResultSchema = z
  .object({
    succeeded: z.number().int(),
    failed: z.number().int(),
    skipped: z.number().int(),
    results: z.array(
      z.object({
        index: z.number().int(),
        outcome: z.enum(["created", "updated", "skipped", "failed"]),
        id: z.uuid().optional(),
        reason: z.string().optional(),
        errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      }),
    ),
  })
  .meta({ id: "BatchResult" });

/**
 * Create (or upsert) up to 1,000 leads in one call. Each item is validated on its own — a bad
 * one is reported by its index and never rolls back the good ones.
 */
export async function batchLeads(ctx: Ctx, input: z.infer<typeof batchLeadsInput>) {
  assertCan(ctx, "leads:write");
  const rows = input.leads.map((raw, index) => {
    const parsed = createLeadInput.safeParse(raw);
    return parsed.success
      ? { index, input: parsed.data }
      : { index, input: {}, errors: zodFieldErrors(parsed.error) };
  });
  const [snapshot, scoring, assignable] = await Promise.all([
    loadLeadOptions(ctx.db, ctx.orgId),
    getScoringConfig(ctx.db, ctx.orgId),
    assignableForCaller(ctx),
  ]);
  const defaultOwner = ctx.actor.type === "user" ? ctx.actor.userId : null;
  for (const r of rows)
    if (!r.errors && r.input.ownerId === undefined) r.input.ownerId = defaultOwner;
  const valid = rows.filter((r) => !r.errors);
  const results: BulkOutcome[] = rows
    .filter((r) => r.errors)
    .map((r) => ({ index: r.index, outcome: "failed" as const, errors: r.errors! }));
  await ctx.db.transaction(async (tx) => {
    const outcomes = await writeLeadBatch(
      tx,
      {
        ctx,
        snapshot,
        scoring,
        assignable,
        mode: input.mode,
        defaultSource: ctx.actor.type === "api_key" ? "api" : "manual",
      },
      valid,
    );
    results.push(...outcomes);
    const created = outcomes.filter((o) => o.outcome === "created");
    for (const c of created) {
      if (c.outcome === "created")
        await enqueueEvent(
          tx,
          leadCreated,
          { organizationId: ctx.orgId, leadId: c.id },
          { organizationId: ctx.orgId },
        );
    }
    await recordAudit(tx, ctx, {
      action: "lead.batch",
      resourceType: "lead",
      changes: {
        created: created.length,
        updated: outcomes.filter((o) => o.outcome === "updated").length,
      },
    });
  });
  results.sort((a, b) => a.index - b.index);
  return {
    succeeded: results.filter((r) => r.outcome === "created" || r.outcome === "updated").length,
    failed: results.filter((r) => r.outcome === "failed").length,
    skipped: results.filter((r) => r.outcome === "skipped").length,
    results,
  };
}
