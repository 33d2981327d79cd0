import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows } from "@/db/client";
import { campaigns, CAMPAIGN_STATUSES } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { getTemplateOrThrow } from "@/lib/templates/templates";
import { uuidArray } from "./recipient-mailboxes";

export const templateUsageSchema = z
  .object({
    templateId: z.uuid(),
    campaigns: z.array(
      z
        .object({
          id: z.uuid(),
          name: z.string(),
          status: z.enum(CAMPAIGN_STATUSES),
          steps: z
            .array(
              z.object({
                index: z.number().int().meta({ description: "0-based position of the step" }),
                id: z.string(),
                variants: z.array(z.object({ id: z.string(), label: z.string() })),
              }),
            )
            .meta({ description: "The steps with a variant built from this template" }),
          messagesSent: z.number().int(),
          lastSentAt: z.iso.datetime().nullable(),
        })
        .meta({ id: "TemplateCampaignUse" }),
    ),
    messagesSent: z
      .number()
      .int()
      .meta({ description: "Campaign messages sent from variants that use this template" }),
    lastSentAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "TemplateUsage" });
export type TemplateUsage = z.infer<typeof templateUsageSchema>;

/**
 * GET /templates/{id}/usage: the campaigns with a step variant built from the template (found
 * with a jsonb path query over their steps) and how many messages those variants sent. Messages
 * don't record their template, so a variant switched to another template after sending is
 * counted under the template it uses now.
 */
export async function getTemplateUsage(ctx: Ctx, id: string): Promise<TemplateUsage> {
  const template = await getTemplateOrThrow(ctx, id);
  const uses = sql`jsonb_path_exists(${campaigns.steps},
    '$[*].variants[*] ? (@.templateId == $t)', jsonb_build_object('t', ${template.id}::text))`;
  const rows = await ctx.db
    .select({
      id: campaigns.id,
      name: campaigns.name,
      status: campaigns.status,
      steps: campaigns.steps,
    })
    .from(campaigns)
    .where(and(eq(campaigns.organizationId, ctx.orgId), uses))
    .orderBy(asc(campaigns.name), asc(campaigns.id));

  const sent = rows.length
    ? await queryRows<{ campaign_id: string; sent: number; last_sent_at: Date | string | null }>(
        ctx.db,
        sql`with used as (
              select campaigns.id as campaign_id, s.step ->> 'id' as step_id,
                     v.variant ->> 'id' as variant_id
                from campaigns
                cross join lateral jsonb_array_elements(campaigns.steps) s(step)
                cross join lateral jsonb_array_elements(s.step -> 'variants') v(variant)
               where campaigns.organization_id = ${ctx.orgId}
                 and campaigns.id = any(${uuidArray(rows.map((r) => r.id))})
                 and v.variant ->> 'templateId' = ${template.id}
            )
            select u.campaign_id, count(m.id)::int as sent, max(m.sent_at) as last_sent_at
              from used u
              join email_messages m
                on m.organization_id = ${ctx.orgId} and m.campaign_id = u.campaign_id
               and m.step_id = u.step_id and m.variant_id = u.variant_id
               and m.kind = 'campaign' and m.sent_at is not null
             group by u.campaign_id`,
      )
    : [];
  const byCampaign = new Map(sent.map((r) => [r.campaign_id, r]));
  const iso = (v: Date | string | null | undefined) => (v ? new Date(v).toISOString() : null);

  const list = rows.map((c) => {
    const s = byCampaign.get(c.id);
    return {
      id: c.id,
      name: c.name,
      status: c.status,
      steps: c.steps
        .map((step, index) => ({
          index,
          id: step.id,
          variants: step.variants
            .filter((v) => v.templateId === template.id)
            .map((v) => ({ id: v.id, label: v.label })),
        }))
        .filter((step) => step.variants.length > 0),
      messagesSent: Number(s?.sent ?? 0),
      lastSentAt: iso(s?.last_sent_at),
    };
  });
  const last = list
    .map((c) => c.lastSentAt)
    .filter((v): v is string => v !== null)
    .sort()
    .at(-1);
  return {
    templateId: template.id,
    campaigns: list,
    messagesSent: list.reduce((sum, c) => sum + c.messagesSent, 0),
    lastSentAt: last ?? null,
  };
}
