import { resolveAnalyticsScope } from "@/lib/analytics/analytics-filters";
import { periodDto } from "@/lib/analytics/analytics-schemas";
import {
  sentMailBySendTime,
  sentMailByVariant,
  type SentMailRow,
} from "@/lib/analytics/rollups/campaign-rollup-sql";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { validationError } from "@/lib/http/problem";
import type { EmailPerformance, EmailPerformanceQuery } from "./campaign-analytics-schemas";
import { share } from "./campaign-metrics";
import { campaignStepsOf } from "./campaign-steps-of";

interface Counts {
  sent: number;
  opened: number;
  clicked: number;
  replied: number;
  bounced: number;
}

const none = (): Counts => ({ sent: 0, opened: 0, clicked: 0, replied: 0, bounced: 0 });

function add(into: Counts, row: SentMailRow) {
  into.sent += row.sent;
  into.opened += row.opened;
  into.clicked += row.clicked;
  into.replied += row.replied;
  if (row.bounced) into.bounced += row.sent;
}

/**
 * A zone the runtime knows but the database's time zone data doesn't (older tzdata) is the
 * caller's mistake to correct, not a server error.
 */
async function withKnownZone<T>(timezone: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Error && /time zone .* not recognized/i.test(error.message))
      throw validationError([{ path: "timezone", message: `Unknown time zone ${timezone}` }]);
    throw error;
  }
}

function performance(m: Counts) {
  return {
    ...m,
    openRate: share(m.opened, m.sent - m.bounced),
    clickRate: share(m.clicked, m.sent - m.bounced),
    replyRate: share(m.replied, m.sent - m.bounced),
  };
}

/**
 * GET /analytics/email-performance: campaign mail sent in the period to leads in scope, by step,
 * by variant and by the weekday × hour it went out (in the asked time zone) — summed from the
 * campaign mail rollups, plus the names and variant labels of the campaigns that appear.
 */
export async function getEmailPerformance(
  ctx: Ctx,
  query: EmailPerformanceQuery,
  now = new Date(),
): Promise<EmailPerformance> {
  assertCan(ctx, "analytics:read");
  const { timezone, ...filters } = query;
  const scope = await resolveAnalyticsScope(ctx, filters, now);
  const [mail, slots] = await Promise.all([
    sentMailByVariant(ctx, scope),
    withKnownZone(timezone, () => sentMailBySendTime(ctx, scope, timezone)),
  ]);

  const total = none();
  const steps = new Map<number, Counts>();
  const variants = new Map<string, { row: SentMailRow; counts: Counts }>();
  for (const row of mail) {
    add(total, row);
    const stepIndex = row.step_index ?? -1;
    if (!steps.has(stepIndex)) steps.set(stepIndex, none());
    add(steps.get(stepIndex)!, row);
    if (row.variant_id === null) continue;
    const key = `${row.campaign_id}\u0000${stepIndex}\u0000${row.variant_id}`;
    if (!variants.has(key)) variants.set(key, { row, counts: none() });
    add(variants.get(key)!.counts, row);
  }

  const campaignIds = [...new Set([...variants.values()].map((v) => v.row.campaign_id))];
  const campaigns = await campaignStepsOf(ctx, campaignIds);

  return {
    period: periodDto(scope.period),
    timezone,
    totals: performance(total),
    byStep: [...steps]
      .map(([stepIndex, counts]) => ({
        value: stepIndex,
        label: stepIndex === -1 ? "(no step)" : `Step ${stepIndex + 1}`,
        ...performance(counts),
      }))
      .sort((a, b) => a.value - b.value),
    byVariant: [...variants.values()]
      .map(({ row, counts }) => {
        const campaign = campaigns.find((c) => c.id === row.campaign_id);
        const stepIndex = row.step_index ?? -1;
        const label =
          campaign?.steps[stepIndex]?.variants.find((x) => x.id === row.variant_id)?.label ??
          row.variant_id!;
        return {
          campaignId: row.campaign_id,
          campaignName: campaign?.name ?? "",
          stepIndex,
          value: row.variant_id!,
          label,
          ...performance(counts),
        };
      })
      .sort(
        (a, b) =>
          a.campaignName.localeCompare(b.campaignName) ||
          a.campaignId.localeCompare(b.campaignId) ||
          a.stepIndex - b.stepIndex ||
          a.value.localeCompare(b.value),
      ),
    bySendTime: Array.from({ length: 7 * 24 }, (_, i) => {
      const weekday = Math.floor(i / 24) + 1;
      const hour = i % 24;
      return {
        weekday,
        hour,
        ...performance(
          slots.find((s) => Number(s.weekday) === weekday && Number(s.hour) === hour) ?? none(),
        ),
      };
    }),
  };
}
