import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { scoringRules, type ScoringConfig } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { scoringRulesChanged } from "@/inngest/events";
import { enqueueEvent } from "@/lib/jobs/outbox";
import { DEFAULT_SCORING } from "./default-config";

const ruleSchema = z
  .strictObject({
    id: z.string().trim().min(1).max(60),
    label: z.string().trim().min(1).max(120),
    kind: z.enum(["field", "event"]),
    target: z.string().trim().min(1).max(80),
    operator: z.enum(["equals", "in", "contains", "exists"]).optional(),
    value: z.union([z.string().max(200), z.array(z.string().max(200)).max(100)]).optional(),
    points: z.number().min(-1000).max(1000),
    maxEvents: z.number().int().min(1).max(1000).optional(),
  })
  .refine((r) => r.kind === "event" || r.operator === "exists" || r.value !== undefined, {
    message: "A field rule needs a value unless its operator is exists",
    path: ["value"],
  });

export const scoringConfigSchema = z
  .strictObject({
    rules: z.array(ruleSchema).max(200),
    thresholds: z
      .strictObject({ hot: z.number().min(0), warm: z.number().min(0) })
      .refine((t) => t.hot > t.warm, { message: "hot must be above warm", path: ["hot"] }),
    halfLifeDays: z.number().min(0).max(3650),
  })
  .refine((c) => new Set(c.rules.map((r) => r.id)).size === c.rules.length, {
    message: "Rule ids must be unique",
    path: ["rules"],
  })
  .meta({ id: "ScoringConfig" });

/** The organization's scoring rules (the defaults until an admin saves their own). */
export async function getScoringConfig(db: Queryable, orgId: string): Promise<ScoringConfig> {
  const [row] = await db
    .select({ config: scoringRules.config })
    .from(scoringRules)
    .where(eq(scoringRules.organizationId, orgId));
  return row?.config ?? DEFAULT_SCORING;
}

export async function saveScoringConfig(ctx: Ctx, config: ScoringConfig): Promise<ScoringConfig> {
  assertCan(ctx, "scoring_rules:write");
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(scoringRules)
      .values({ organizationId: ctx.orgId, config })
      .onConflictDoUpdate({
        target: scoringRules.organizationId,
        set: { config, version: sql`${scoringRules.version} + 1` },
      });
    await enqueueEvent(
      tx,
      scoringRulesChanged,
      { organizationId: ctx.orgId },
      { organizationId: ctx.orgId },
    );
    await recordAudit(tx, ctx, {
      action: "scoring_rules.updated",
      resourceType: "scoring_rules",
      resourceId: ctx.orgId,
      changes: {
        rules: config.rules.length,
        thresholds: config.thresholds,
        halfLifeDays: config.halfLifeDays,
      },
    });
  });
  return config;
}
