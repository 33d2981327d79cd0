import type { CampaignStep } from "@/db/schema";
import { resolveAnalyticsScope } from "@/lib/analytics/analytics-filters";
import { periodDto } from "@/lib/analytics/analytics-schemas";
import { sentMailByVariant, type SentMailRow } from "@/lib/analytics/rollups/campaign-rollup-sql";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import type { AbTest, AbTests, AbTestsQuery } from "./campaign-analytics-schemas";
import { twoProportionTest, wilsonInterval } from "./ab-statistics";
import { share } from "./campaign-metrics";
import { campaignStepsOf } from "./campaign-steps-of";

/** What counts as significant: p below this (two-sided). */
export const SIGNIFICANCE = 0.05;

interface VariantRow {
  campaign_id: string;
  name: string;
  steps: CampaignStep[];
  step_id: string | null;
  step_index: number;
  variant_id: string;
  sent: number;
  bounced: number;
  opened: number;
  clicked: number;
  replied: number;
}

/**
 * GET /analytics/ab-tests: for each campaign step with more than one variant, each variant's
 * sample (messages sent in the period that reached an inbox; from the campaign mail rollups), its success rate with a 95% Wilson
 * interval, and a z-test of the best variant against each other. A winner is named only when the
 * best beats every other at p < 0.05 and every variant has the minimum sample — otherwise the
 * test is reported as not significant, with its p-value.
 */
export async function getAbTests(
  ctx: Ctx,
  query: AbTestsQuery,
  now = new Date(),
): Promise<AbTests> {
  assertCan(ctx, "analytics:read");
  const { metric, minSample, ...filters } = query;
  const scope = await resolveAnalyticsScope(ctx, filters, now);
  const rows = await variantRows(ctx, await sentMailByVariant(ctx, scope));

  const groups = new Map<string, VariantRow[]>();
  for (const row of rows) {
    const k = `${row.campaign_id}\u0000${row.step_id ?? row.step_index}`;
    groups.set(k, [...(groups.get(k) ?? []), row]);
  }
  const tests: AbTest[] = [];
  for (const group of groups.values()) {
    const first = group[0]!;
    const step = first.steps.find((s) => s.id === first.step_id);
    // Variants configured but not sent yet are part of the test too (with an empty sample).
    const variantIds = [
      ...new Set([...(step?.variants.map((v) => v.id) ?? []), ...group.map((g) => g.variant_id)]),
    ];
    if (variantIds.length < 2) continue;
    tests.push(
      buildTest(
        first,
        step,
        variantIds.map((id) => group.find((g) => g.variant_id === id) ?? emptyRow(first, id)),
        metric,
        minSample,
      ),
    );
  }
  return { period: periodDto(scope.period), tests };
}

/**
 * Per campaign, step and variant: the sample and its outcomes (opens, clicks, replies of mail that
 * did not bounce), with the campaign's name and steps, ordered by campaign name, step and variant.
 */
async function variantRows(ctx: Ctx, mail: SentMailRow[]): Promise<VariantRow[]> {
  const ids = [...new Set(mail.filter((m) => m.variant_id !== null).map((m) => m.campaign_id))];
  const campaigns = await campaignStepsOf(ctx, ids);
  const rows = new Map<string, VariantRow>();
  for (const m of mail) {
    const campaign = campaigns.find((c) => c.id === m.campaign_id);
    if (m.variant_id === null || !campaign) continue;
    const key = `${m.campaign_id}\u0000${m.step_id}\u0000${m.variant_id}`;
    const row = rows.get(key) ?? {
      campaign_id: m.campaign_id,
      name: campaign.name,
      steps: campaign.steps,
      step_id: m.step_id,
      step_index: m.step_index ?? -1,
      variant_id: m.variant_id,
      ...{ sent: 0, bounced: 0, opened: 0, clicked: 0, replied: 0 },
    };
    row.step_index = Math.max(row.step_index, m.step_index ?? -1);
    row.sent += m.sent;
    if (m.bounced) row.bounced += m.sent;
    else {
      row.opened += m.opened;
      row.clicked += m.clicked;
      row.replied += m.replied;
    }
    rows.set(key, row);
  }
  return [...rows.values()].sort(
    (a, b) =>
      a.name.localeCompare(b.name) ||
      a.campaign_id.localeCompare(b.campaign_id) ||
      a.step_index - b.step_index ||
      a.variant_id.localeCompare(b.variant_id),
  );
}

function emptyRow(like: VariantRow, variantId: string): VariantRow {
  return { ...like, variant_id: variantId, sent: 0, bounced: 0, opened: 0, clicked: 0, replied: 0 };
}

function buildTest(
  first: VariantRow,
  step: CampaignStep | undefined,
  rows: VariantRow[],
  metric: AbTestsQuery["metric"],
  minSample: number,
): AbTest {
  const samples = rows.map((r) => {
    const reached = Number(r.sent) - Number(r.bounced);
    const outcome = { reply: r.replied, open: r.opened, click: r.clicked }[metric];
    return { row: r, reached, successes: Number(outcome), rate: share(Number(outcome), reached) };
  });
  const rated = samples.filter((s) => s.rate !== null);
  const top = rated.length ? Math.max(...rated.map((s) => s.rate!)) : null;
  const leaders = rated.filter((s) => s.rate === top);
  // A shared top rate has no best variant: nothing to test against.
  const best = leaders.length === 1 ? leaders[0]! : null;

  const variants = samples.map((s) => {
    const label = step?.variants.find((v) => v.id === s.row.variant_id)?.label ?? s.row.variant_id;
    const test = best
      ? twoProportionTest(best.successes, best.reached, s.successes, s.reached)
      : { z: null, pValue: null };
    return {
      value: s.row.variant_id,
      label,
      sent: Number(s.row.sent),
      reached: s.reached,
      successes: s.successes,
      opened: Number(s.row.opened),
      clicked: Number(s.row.clicked),
      replied: Number(s.row.replied),
      rate: s.rate,
      confidenceInterval: wilsonInterval(s.successes, s.reached),
      vsBest:
        s === best
          ? null
          : { ...test, significant: test.pValue !== null && test.pValue < SIGNIFICANCE },
    };
  });

  const others = variants.filter((v) => v.vsBest !== null);
  const pValues = others.map((v) => v.vsBest!.pValue);
  const pValue =
    best && pValues.every((x) => x !== null) ? Math.max(...(pValues as number[])) : null;
  const enough = samples.every((s) => s.reached >= minSample);
  const significant = best !== null && pValue !== null && pValue < SIGNIFICANCE && enough;
  return {
    campaignId: first.campaign_id,
    campaignName: first.name,
    stepIndex: step ? first.steps.indexOf(step) : Number(first.step_index),
    stepId: first.step_id ?? "",
    metric,
    variants,
    best: best?.row.variant_id ?? null,
    winner: significant ? best!.row.variant_id : null,
    significant,
    pValue,
    minSample,
  };
}
