import { and, count, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { campaignRecipients, leads } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { paginate } from "@/lib/http/pagination";
import { containsPattern } from "@/lib/http/query";
import { parseSort } from "@/lib/http/sort";
import { leadScope } from "@/lib/leads/visibility";
import type { listRecipientsQuery, recipientSchema } from "./campaign-schemas";
import { getCampaignRowOrThrow } from "./campaigns";
import { stopLeadSequences } from "./stop-sequences";

export { addRecipients } from "./add-recipients";

type Recipient = z.infer<typeof recipientSchema>;

/** Leads the caller may see, live or in the trash: a recipient stays listed after its lead is deleted. */
async function visibleLead(ctx: Ctx): Promise<SQL> {
  return or(await leadScope(ctx), await leadScope(ctx, { deleted: true }))!;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const SORTABLE = {
  createdAt: { expr: campaignRecipients.createdAt, type: "date" as const },
  state: { expr: campaignRecipients.state, type: "string" as const },
  displayName: { expr: leads.displayName, type: "string" as const },
  lastSentAt: {
    expr: sql`coalesce(${campaignRecipients.lastSentAt}, '-infinity'::timestamptz)`,
    type: "date" as const,
    nullValue: "-infinity",
  },
  nextSendAt: {
    expr: sql`coalesce(${campaignRecipients.nextSendAt}, 'infinity'::timestamptz)`,
    type: "date" as const,
    nullValue: "infinity",
  },
};

/** The campaign's recipients whose leads the caller can see, with the lead's name and address. */
export async function listRecipients(
  ctx: Ctx,
  campaignId: string,
  query: z.infer<typeof listRecipientsQuery>,
) {
  assertCan(ctx, "campaigns:read");
  await getCampaignRowOrThrow(ctx, campaignId);
  const pattern = query.q ? containsPattern(query.q) : undefined;
  const filter = and(
    eq(campaignRecipients.organizationId, ctx.orgId),
    eq(campaignRecipients.campaignId, campaignId),
    query.state ? eq(campaignRecipients.state, query.state) : undefined,
    pattern ? or(ilike(leads.displayName, pattern), ilike(leads.email, pattern)) : undefined,
    await visibleLead(ctx),
  );
  const sort = parseSort(query.sort, SORTABLE, {
    default: "-createdAt",
    tieBreaker: { field: "id", expr: campaignRecipients.id, type: "string" },
  });
  const from = () =>
    ctx.db
      .select({
        r: campaignRecipients,
        displayName: leads.displayName,
        email: leads.email,
        company: leads.company,
      })
      .from(campaignRecipients)
      .innerJoin(leads, eq(leads.id, campaignRecipients.leadId));
  const page = await paginate({
    query,
    sort,
    fetch: async ({ where, orderBy, limit, offset }) =>
      (
        await from()
          .where(and(filter, where))
          .orderBy(...orderBy)
          .limit(limit)
          .offset(offset)
      ).map((row) => ({ ...row, ...row.r, displayName: row.displayName })),
    count: async () =>
      (
        await ctx.db
          .select({ n: count() })
          .from(campaignRecipients)
          .innerJoin(leads, eq(leads.id, campaignRecipients.leadId))
          .where(filter)
      )[0]!.n,
  });
  return {
    ...page,
    data: page.data.map((row): Recipient => ({
      id: row.r.id,
      leadId: row.r.leadId,
      lead: { displayName: row.displayName, email: row.email, company: row.company },
      state: row.r.state,
      stateReason: row.r.stateReason,
      nextStepIndex: row.r.nextStepIndex,
      mailboxId: row.r.mailboxId,
      nextSendAt: iso(row.r.nextSendAt),
      postponedUntil: iso(row.r.postponedUntil),
      lastSentAt: iso(row.r.lastSentAt),
      createdAt: row.r.createdAt.toISOString(),
    })),
  };
}

/** Take a lead out of the campaign: its sequence ends at once (state `removed`). */
export async function removeRecipient(ctx: Ctx, campaignId: string, leadId: string) {
  assertCan(ctx, "campaigns:write");
  const visible = await visibleLead(ctx);
  await ctx.db.transaction(async (tx) => {
    await getCampaignRowOrThrow(ctx, campaignId, tx, { forUpdate: true });
    const [recipient] = await tx
      .select({ id: campaignRecipients.id, state: campaignRecipients.state })
      .from(campaignRecipients)
      .innerJoin(leads, eq(leads.id, campaignRecipients.leadId))
      .where(
        and(
          eq(campaignRecipients.organizationId, ctx.orgId),
          eq(campaignRecipients.campaignId, campaignId),
          eq(campaignRecipients.leadId, leadId),
          visible,
        ),
      );
    if (!recipient) throw notFound("Recipient");
    // Already finished (replied, completed, removed…): nothing left to stop, and that's fine.
    const stopped = await stopLeadSequences(tx, {
      organizationId: ctx.orgId,
      leadId,
      campaignId,
      state: "removed",
      reason: "removed from the campaign",
    });
    await recordAudit(tx, ctx, {
      action: "campaign.recipient_removed",
      resourceType: "campaign",
      resourceId: campaignId,
      changes: { leadId, from: recipient.state, stopped: stopped > 0 },
    });
  });
}
