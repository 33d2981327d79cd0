import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { leads, type ScoringConfig } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { recordActivity } from "../activity";
import { computeScore, shownScore } from "./compute-score";
import { eventTimesFor } from "./lead-events-for-scoring";
import { getScoringConfig } from "./scoring-config";

/**
 * Recompute one lead's score from its fields and events and store it with its breakdown and
 * temperature. A manual override keeps the visible score (a temperature override the visible
 * temperature) but the breakdown stays current. A
 * change is recorded on the timeline with the reason. Returns the score now shown.
 */
export async function rescoreLead(
  db: Queryable,
  ctx: Pick<Ctx, "orgId" | "actor">,
  leadId: string,
  reason: string,
  config?: ScoringConfig,
): Promise<number> {
  const [lead] = await db
    .select()
    .from(leads)
    .where(and(eq(leads.organizationId, ctx.orgId), eq(leads.id, leadId)));
  if (!lead) return 0;
  const scoring = config ?? (await getScoringConfig(db, ctx.orgId));
  const result = computeScore(scoring, lead, await eventTimesFor(db, ctx.orgId, leadId));
  const { score: shown, temperature } = shownScore(scoring, lead, result);
  await db
    .update(leads)
    .set({ score: shown, temperature, scoreBreakdown: result.breakdown })
    .where(and(eq(leads.organizationId, ctx.orgId), eq(leads.id, leadId)));
  if (shown !== lead.score) {
    await recordActivity(db, ctx, leadId, "score_changed", { from: lead.score, to: shown, reason });
  }
  return shown;
}
