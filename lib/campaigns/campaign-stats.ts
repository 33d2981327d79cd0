import { sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows } from "@/db/client";
import { CAMPAIGN_STATUSES } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { recipientCountsFor } from "./campaign-dto";
import { recipientCountsSchema } from "./campaign-schemas";
import { campaignForReport, campaignMessageFacts, rate } from "./campaign-message-facts";

const count = (description: string) => z.number().int().meta({ description });
const share = (description: string) => z.number().min(0).meta({ description });

const metricsShape = {
  recipients: count("Leads with a message in this scope (queued, sent or failed)"),
  sent: count("Messages that left through a transport"),
  delivered: count("Sent messages the provider confirmed as delivered (transports that report it)"),
  opened: count("Messages opened at least once by a human (bot and prefetch opens not counted)"),
  clicked: count("Messages with at least one human click"),
  replied: count("Messages replied to"),
  bounced: count("Messages that bounced"),
  unsubscribed: count("Messages whose recipient unsubscribed or complained from them"),
  failed: count("Messages the transport refused for good"),
  openRate: share("opened / (sent − bounced): of the messages that reached an inbox"),
  clickRate: share("clicked / (sent − bounced)"),
  replyRate: share("replied / (sent − bounced)"),
  bounceRate: share("bounced / sent"),
  unsubscribeRate: share("unsubscribed / (sent − bounced)"),
};

export const campaignMetricsSchema = z.object(metricsShape).meta({
  id: "CampaignMetrics",
  description: "Rates are 0–1, rounded to 4 places; 0 when nothing was sent",
});

export const campaignVariantStatsSchema = z
  .object({ id: z.string(), label: z.string(), ...metricsShape })
  .meta({ id: "CampaignVariantStats" });

export const campaignStepStatsSchema = z
  .object({
    index: z.number().int().meta({ description: "0-based position of the step" }),
    id: z.string(),
    ...metricsShape,
    variants: z.array(campaignVariantStatsSchema),
  })
  .meta({ id: "CampaignStepStats" });

export const campaignStatsSchema = z
  .object({
    campaignId: z.uuid(),
    name: z.string(),
    status: z.enum(CAMPAIGN_STATUSES),
    startTime: z.iso.datetime().nullable().meta({ description: "When the campaign was launched" }),
    endTime: z.iso.datetime().nullable().meta({ description: "When it completed or was stopped" }),
    totalLeads: count("Every recipient, whatever its state"),
    contactedLeads: count("Leads sent at least one message"),
    openRate: share("Leads with a human open / contacted leads"),
    clickRate: share("Leads with a click / contacted leads"),
    replyRate: share("Leads who replied / contacted leads"),
    qualifiedCount: count(
      "Recipients whose lead has reached Qualified or a later open stage, or won (seed 001)",
    ),
    recipientsByState: recipientCountsSchema,
    totals: campaignMetricsSchema.meta({
      description:
        "Every message of the campaign; `recipients` here is every recipient (totalLeads)",
    }),
    steps: z.array(campaignStepStatsSchema),
  })
  .meta({ id: "CampaignStats" });
export type CampaignStats = z.infer<typeof campaignStatsSchema>;

type Metrics = z.infer<typeof campaignMetricsSchema>;

interface GroupRow {
  level: number;
  step_index: number | null;
  step_id: string | null;
  variant_id: string | null;
  recipients: number;
  sent: number;
  delivered: number;
  opened: number;
  clicked: number;
  replied: number;
  bounced: number;
  unsubscribed: number;
  failed: number;
  leads_contacted: number;
  leads_opened: number;
  leads_clicked: number;
  leads_replied: number;
}

function metrics(row: GroupRow | undefined): Metrics {
  const n = (v: number | undefined) => Number(v ?? 0);
  const sent = n(row?.sent);
  const bounced = n(row?.bounced);
  const reached = sent - bounced;
  const m = {
    recipients: n(row?.recipients),
    sent,
    delivered: n(row?.delivered),
    opened: n(row?.opened),
    clicked: n(row?.clicked),
    replied: n(row?.replied),
    bounced,
    unsubscribed: n(row?.unsubscribed),
    failed: n(row?.failed),
  };
  return {
    ...m,
    openRate: rate(m.opened, reached),
    clickRate: rate(m.clicked, reached),
    replyRate: rate(m.replied, reached),
    bounceRate: rate(bounced, sent),
    unsubscribeRate: rate(m.unsubscribed, reached),
  };
}

/**
 * GET /campaigns/{id}/stats: counts and rates for the campaign, each step and each variant, in
 * one grouped query over its messages (grouping sets give totals, steps and variants in one
 * pass, however many recipients) plus the recipients by state, counted as the campaign shows them.
 */
export async function getCampaignStats(ctx: Ctx, id: string): Promise<CampaignStats> {
  const campaign = await campaignForReport(ctx, id);
  const facts = campaignMessageFacts(ctx.orgId, campaign.id);
  const [groups, counts, qualified] = await Promise.all([
    queryRows<GroupRow>(
      ctx.db,
      sql`select grouping(f.step_index, f.step_id, f.variant_id)::int as level,
                 f.step_index, f.step_id, f.variant_id,
                 count(distinct f.lead_id)::int as recipients,
                 count(*) filter (where f.sent_at is not null)::int as sent,
                 count(*) filter (where f.delivered_at is not null)::int as delivered,
                 count(*) filter (where f.opened_at is not null)::int as opened,
                 count(*) filter (where f.clicked_at is not null)::int as clicked,
                 count(*) filter (where f.replied_at is not null)::int as replied,
                 count(*) filter (where f.bounced_at is not null)::int as bounced,
                 count(*) filter (where f.unsubscribed_at is not null)::int as unsubscribed,
                 count(*) filter (where f.status = 'failed')::int as failed,
                 count(distinct f.lead_id) filter (where f.sent_at is not null)::int as leads_contacted,
                 count(distinct f.lead_id) filter (where f.opened_at is not null)::int as leads_opened,
                 count(distinct f.lead_id) filter (where f.clicked_at is not null)::int as leads_clicked,
                 count(distinct f.lead_id) filter (where f.replied_at is not null)::int as leads_replied
            from ${facts} f
           group by grouping sets ((), (f.step_index, f.step_id), (f.step_index, f.step_id, f.variant_id))`,
    ),
    recipientCountsFor(ctx.db, ctx.orgId, [campaign.id]),
    queryRows<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n
            from campaign_recipients r
            join leads l on l.organization_id = r.organization_id and l.id = r.lead_id
           where r.organization_id = ${ctx.orgId} and r.campaign_id = ${campaign.id}
             and l.deleted_at is null
             and l.reached_statuses && coalesce((
                   select array_agg(o.value) from lead_options o
                    where o.organization_id = ${ctx.orgId} and o.kind = 'status'
                      and o.category is distinct from 'lost'
                      and (o.category = 'won' or o.position >= (
                            select q.position from lead_options q
                             where q.organization_id = ${ctx.orgId} and q.kind = 'status'
                               and q.value = 'qualified'))), '{}')`,
    ),
  ]);

  const recipientsByState = counts.get(campaign.id)!;
  const totalLeads = recipientsByState.total ?? 0;

  // grouping() is 0 for a variant row, 1 when only the variant is rolled up, 7 for the total.
  const total = groups.find((g) => Number(g.level) === 7);
  const stepRows = groups.filter((g) => Number(g.level) === 1);
  const variantRows = groups.filter((g) => Number(g.level) === 0);

  const configured = campaign.steps.map((step, index) => {
    const own = (g: GroupRow) => g.step_id === step.id;
    const known = new Set(step.variants.map((v) => v.id));
    return {
      index,
      id: step.id,
      ...metrics(stepRows.find(own)),
      variants: [
        ...step.variants.map((v) => ({
          id: v.id,
          label: v.label,
          ...metrics(variantRows.find((g) => own(g) && g.variant_id === v.id)),
        })),
        // Messages of a variant since removed from the step are still counted somewhere.
        ...variantRows
          .filter((g) => own(g) && g.variant_id && !known.has(g.variant_id))
          .map((g) => ({ id: g.variant_id!, label: g.variant_id!, ...metrics(g) })),
      ],
    };
  });

  // Messages of a step since removed from the campaign still show, under the index they went out at.
  const stepIds = new Set(campaign.steps.map((s) => s.id));
  const removed = stepRows
    .filter((g) => !g.step_id || !stepIds.has(g.step_id))
    .map((g) => ({
      index: Number(g.step_index ?? -1),
      id: g.step_id ?? "",
      ...metrics(g),
      variants: variantRows
        .filter((v) => v.step_id === g.step_id && v.step_index === g.step_index && v.variant_id)
        .map((v) => ({ id: v.variant_id!, label: v.variant_id!, ...metrics(v) })),
    }));
  const steps = [...configured, ...removed];

  return {
    campaignId: campaign.id,
    name: campaign.name,
    status: campaign.status,
    startTime: campaign.launchedAt?.toISOString() ?? null,
    endTime: campaign.finishedAt?.toISOString() ?? null,
    totalLeads,
    contactedLeads: Number(total?.leads_contacted ?? 0),
    openRate: rate(Number(total?.leads_opened ?? 0), Number(total?.leads_contacted ?? 0)),
    clickRate: rate(Number(total?.leads_clicked ?? 0), Number(total?.leads_contacted ?? 0)),
    replyRate: rate(Number(total?.leads_replied ?? 0), Number(total?.leads_contacted ?? 0)),
    qualifiedCount: Number(qualified[0]?.n ?? 0),
    recipientsByState,
    totals: { ...metrics(total), recipients: totalLeads },
    steps,
  };
}
