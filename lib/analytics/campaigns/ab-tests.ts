import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { CampaignStep } from "@/db/schema";
import { resolveAnalyticsScope } from "@/lib/analytics/analytics-filters";
import { inList, ts } from "@/lib/analytics/analytics-sql";
import { periodDto } from "@/lib/analytics/analytics-schemas";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import type { AbTest, AbTests, AbTestsQuery } from "./campaign-analytics-schemas";
import { twoProportionTest, wilsonInterval } from "./ab-statistics";
import { share } from "./campaign-metrics";

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
 * sample (messages of the period that reached an inbox), its success rate with a 95% Wilson
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
  const p = scope.period;
  const leadParts = [
    ...(scope.ownerIds ? [sql`l.owner_id in ${inList(scope.ownerIds)}`] : []),
    ...(scope.sources ? [sql`l.source in ${inList(scope.sources)}`] : []),
  ];
  const rows = await queryRows<VariantRow>(
    ctx.db,
    sql`with ev as (
          select e.message_id from email_events e
           where e.organization_id = ${ctx.orgId} and e.type = 'replied'
             ${scope.campaignId ? sql`and e.campaign_id = ${scope.campaignId}` : sql`and e.campaign_id is not null`}
           group by e.message_id)
        select m.campaign_id, c.name, c.steps, m.step_id, max(m.step_index)::int as step_index,
               m.variant_id,
               count(*)::int as sent,
               count(*) filter (where m.bounced_at is not null)::int as bounced,
               count(*) filter (where m.bounced_at is null and m.opened_at is not null)::int as opened,
               count(*) filter (where m.bounced_at is null and m.clicked_at is not null)::int as clicked,
               count(*) filter (where m.bounced_at is null
                                  and (m.replied_at is not null or ev.message_id is not null))::int as replied
          from email_messages m
          join campaigns c on c.organization_id = m.organization_id and c.id = m.campaign_id
          left join ev on ev.message_id = m.id
         where m.organization_id = ${ctx.orgId} and m.kind = 'campaign'
           and m.variant_id is not null and m.sent_at is not null
           and m.sent_at >= ${ts(p.from)} and m.sent_at < ${ts(p.to)}
           ${scope.campaignId ? sql`and m.campaign_id = ${scope.campaignId}` : sql``}
           ${
             leadParts.length
               ? sql`and exists (select 1 from leads l where l.organization_id = ${ctx.orgId}
                       and l.id = m.lead_id and ${sql.join(leadParts, sql` and `)})`
               : sql``
           }
         group by m.campaign_id, c.name, c.steps, m.step_id, m.variant_id
         order by c.name, m.campaign_id, step_index, m.variant_id`,
  );

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
  return { period: periodDto(p), tests };
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
