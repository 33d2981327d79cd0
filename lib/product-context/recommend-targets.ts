import type { LanguageModel } from "ai";
import { z } from "zod";
import { recordAiUsage, resolveOrgModel } from "@/lib/ai/org-model";
import { LlmCallError, runStructured } from "@/lib/ai/run-structured";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { slugify } from "@/lib/leads/normalize";
import { log } from "@/lib/log";
import { readProductContext } from "./read-product-context";
import type {
  Recommendation,
  Recommendations,
  recommendationsQuery,
  SegmentStats,
} from "./recommendation-schemas";
import { segmentWinRates, type WinRates } from "./segment-win-rates";

/** Below this many decided leads a rate is anecdote, not evidence. */
const MIN_DECIDED = 3;
const STRONG_LIFT = 1.25;
const WEAK_RATIO = 0.5;

const plural = (n: number) => `${n} lead${n === 1 ? "" : "s"}`;
const pct = (rate: number | null) => (rate === null ? "n/a" : `${Math.round(rate * 100)}%`);
const DIMENSION_NAMES = {
  industry: "industry",
  source: "source",
  title: "job title",
  company_size: "company size",
};

/** Whether a free-text target ("SaaS companies", "Software") names this industry segment. */
export function matchesTarget(target: string, segment: Pick<SegmentStats, "value" | "label">) {
  const t = slugify(target).replace(/_(companies|company|firms|businesses)$/, "");
  if (!t) return false;
  // Whole words only: "it" must not match "retail".
  return [slugify(segment.value), slugify(segment.label)].some(
    (s) => s === t || t.startsWith(`${s}_`) || s.startsWith(`${t}_`) || t.endsWith(`_${s}`),
  );
}

function evidence(
  s: Pick<SegmentStats, "total" | "won" | "lost" | "winRate">,
  overall: number | null,
) {
  return { total: s.total, won: s.won, lost: s.lost, winRate: s.winRate, overallWinRate: overall };
}

/**
 * The recommendations from the numbers: non-target industries that win, segments that win
 * clearly above the overall rate, target industries without a single win, and segments that
 * lose clearly more than average. Each carries the counts it rests on.
 */
export function recommendFromRates(rates: WinRates, targets: string[]) {
  const overall = rates.overall.winRate;
  const segments = rates.segments.map((s) =>
    s.dimension === "industry" ? { ...s, targeted: targets.some((t) => matchesTarget(t, s)) } : s,
  );
  const out: Recommendation[] = [];
  const rate = (s: SegmentStats) =>
    `${s.won} won of ${s.won + s.lost} decided (${pct(s.winRate)} vs ${pct(overall)} overall)`;

  for (const s of segments) {
    const decided = s.won + s.lost;
    const base = {
      dimension: s.dimension,
      value: s.value,
      label: s.label,
      evidence: evidence(s, overall),
    };
    if (
      s.dimension === "industry" &&
      !s.targeted &&
      s.won > 0 &&
      (overall === null || (s.winRate ?? 0) >= overall)
    ) {
      out.push({
        ...base,
        kind: "winning_non_target",
        message: `${s.label} is not a target industry, yet it wins: ${rate(s)}. Consider adding it to your targets.`,
      });
    } else if (
      s.won >= 2 &&
      decided >= MIN_DECIDED &&
      overall !== null &&
      (s.winRate ?? 0) >= overall * STRONG_LIFT
    ) {
      out.push({
        ...base,
        kind: "strong_segment",
        message: `Leads with ${DIMENSION_NAMES[s.dimension]} “${s.label}” win more often: ${rate(s)}.`,
      });
    } else if (
      decided >= MIN_DECIDED &&
      overall !== null &&
      (s.winRate ?? 0) <= overall * WEAK_RATIO
    ) {
      out.push({
        ...base,
        kind: "weak_segment",
        message: `Leads with ${DIMENSION_NAMES[s.dimension]} “${s.label}” rarely win: ${rate(s)}.`,
      });
    }
  }
  for (const target of targets) {
    const matching = segments.filter((s) => s.dimension === "industry" && matchesTarget(target, s));
    const sum = matching.reduce(
      (acc, s) => ({ total: acc.total + s.total, won: acc.won + s.won, lost: acc.lost + s.lost }),
      { total: 0, won: 0, lost: 0 },
    );
    if (sum.won > 0) continue;
    const winRate = sum.won + sum.lost > 0 ? 0 : null;
    out.push({
      kind: "target_without_wins",
      dimension: "industry",
      value: slugify(target),
      label: target,
      evidence: evidence({ ...sum, winRate }, overall),
      message:
        sum.total === 0
          ? `${target} is a target industry but you have no leads in it yet.`
          : `${target} is a target industry without a win yet: ${sum.total} leads, ${sum.lost} lost.`,
    });
  }
  const order = {
    winning_non_target: 0,
    strong_segment: 1,
    target_without_wins: 2,
    weak_segment: 3,
  };
  out.sort((a, b) => order[a.kind] - order[b.kind] || b.evidence.won - a.evidence.won);
  return { segments, recommendations: out };
}

/** The summary offline: the overall rate and the strongest findings, in words. */
export function offlineNarrative(rates: WinRates, recommendations: Recommendation[]) {
  const { overall } = rates;
  if (overall.total === 0)
    return "No leads yet: recommendations appear once leads are won or lost.";
  const head =
    overall.won + overall.lost === 0
      ? `${plural(overall.total)}, none won or lost yet — the rates below fill in as deals close.`
      : `${plural(overall.total)}; ${overall.won} won and ${overall.lost} lost (${pct(overall.winRate)} win rate).`;
  const top = recommendations.slice(0, 3).map((r) => r.message);
  return [head, ...top].join(" ");
}

const narrativeSchema = z.object({
  narrative: z.string().meta({ description: "Three to five sentences for a sales lead" }),
});

async function modelNarrative(model: LanguageModel, data: object) {
  const { object, usage, latencyMs } = await runStructured(model, {
    schema: narrativeSchema,
    name: "targeting_summary",
    system: [
      "You advise a B2B sales team which segments to target. Summarise the findings in three to",
      "five sentences, citing the numbers given. Never invent numbers or segments.",
      "Answer with the JSON object only.",
    ].join("\n"),
    prompt: JSON.stringify(data),
    maxOutputTokens: 2_000,
  });
  return { narrative: object.narrative.trim().slice(0, 2_000), usage, latencyMs };
}

/**
 * GET /product-context/recommendations: which industries and segments are worth targeting, from
 * the leads' outcomes compared with the context's target industries. The numbers come from the
 * data; with `narrative=true` and a model, the model words the summary (offline otherwise).
 */
export async function recommendTargets(
  ctx: Ctx,
  query: z.infer<typeof recommendationsQuery>,
  options: { model?: LanguageModel | null } = {},
): Promise<Recommendations> {
  assertCan(ctx, "product_context:read");
  const [context, rates] = await Promise.all([readProductContext(ctx), segmentWinRates(ctx)]);
  const { segments, recommendations } = recommendFromRates(rates, context.targetIndustries);
  let narrative = offlineNarrative(rates, recommendations);
  let mode: "llm" | "offline" = "offline";
  if (query.narrative === "true" && rates.overall.total > 0) {
    const resolved =
      options.model !== undefined
        ? options.model
          ? ({ mode: "llm", model: options.model, config: null } as const)
          : ({ mode: "offline" } as const)
        : await resolveOrgModel(ctx.db, ctx.orgId);
    if (resolved.mode === "llm") {
      try {
        const result = await modelNarrative(resolved.model, {
          overall: rates.overall,
          targetIndustries: context.targetIndustries,
          recommendations: recommendations.slice(0, 15),
        });
        if (result.narrative) {
          narrative = result.narrative;
          mode = "llm";
        }
        await recordAiUsage(ctx.db, {
          organizationId: ctx.orgId,
          purpose: "product_context",
          mode: "llm",
          config: resolved.config,
          usage: result.usage,
          latencyMs: result.latencyMs,
        });
      } catch (error) {
        if (!(error instanceof LlmCallError)) throw error;
        log.warn("targeting narrative fell back to the offline summary", { reason: error.kind });
        await recordAiUsage(ctx.db, {
          organizationId: ctx.orgId,
          purpose: "product_context",
          mode: "llm",
          config: resolved.config,
          usage: error.usage,
          latencyMs: error.latencyMs,
          error: `${error.kind}: fell back to the offline summary`,
        });
      }
    }
  }
  return {
    overall: rates.overall,
    targetIndustries: context.targetIndustries,
    recommendations,
    segments,
    narrative,
    mode,
  };
}
