import { and, asc, count, eq, gte, lt, sql, sum } from "drizzle-orm";
import { aiUsage } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import type { LlmUsageReport } from "./llm-settings-schemas";
import { monthStart } from "./org-model";

const counts = {
  calls: count(),
  inputTokens: sum(aiUsage.inputTokens),
  outputTokens: sum(aiUsage.outputTokens),
  totalTokens: sum(aiUsage.totalTokens),
};

const numbers = (row: {
  calls: number;
  inputTokens: unknown;
  outputTokens: unknown;
  totalTokens: unknown;
}) => ({
  calls: Number(row.calls),
  inputTokens: Number(row.inputTokens ?? 0),
  outputTokens: Number(row.outputTokens ?? 0),
  totalTokens: Number(row.totalTokens ?? 0),
});

/** Admins: the organization's AI calls in [from, to) — totals, per purpose and per UTC day. */
export async function getLlmUsage(
  ctx: Ctx,
  input: { from?: string; to?: string } = {},
): Promise<LlmUsageReport> {
  assertCan(ctx, "ai_settings:write");
  const to = input.to ? new Date(input.to) : new Date();
  const from = input.from ? new Date(input.from) : monthStart(to);
  if (from >= to) {
    throw new AppError("validation_error", "from must be before to.", {
      errors: [{ path: "from", message: "Must be before to" }],
    });
  }
  const where = and(
    eq(aiUsage.organizationId, ctx.orgId),
    gte(aiUsage.createdAt, from),
    lt(aiUsage.createdAt, to),
  );
  const day = sql<string>`to_char(${aiUsage.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`;
  const [[totals], byPurpose, byDay] = await Promise.all([
    ctx.db.select(counts).from(aiUsage).where(where),
    ctx.db
      .select({
        purpose: aiUsage.purpose,
        ...counts,
        errors: sql<number>`count(*) filter (where ${aiUsage.error} is not null)`.mapWith(Number),
        avgLatencyMs: sql<number>`coalesce(round(avg(${aiUsage.latencyMs})), 0)`.mapWith(Number),
      })
      .from(aiUsage)
      .where(where)
      .groupBy(aiUsage.purpose)
      .orderBy(asc(aiUsage.purpose)),
    ctx.db
      .select({ day, ...counts })
      .from(aiUsage)
      .where(where)
      .groupBy(day)
      .orderBy(asc(day)),
  ]);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    totals: numbers(totals ?? { calls: 0, inputTokens: 0, outputTokens: 0, totalTokens: 0 }),
    byPurpose: byPurpose.map((r) => ({
      purpose: r.purpose,
      ...numbers(r),
      errors: r.errors,
      avgLatencyMs: r.avgLatencyMs,
    })),
    byDay: byDay.map((r) => ({ day: r.day, ...numbers(r) })),
  };
}
