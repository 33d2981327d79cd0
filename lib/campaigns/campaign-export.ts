import { and, asc, eq, gt, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { campaignRecipients, emailMessages, leads, mailboxes } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Ctx } from "@/lib/context";
import { leadScope } from "@/lib/leads/visibility";
import { tableToPdf } from "@/lib/reports/table-export";
import { campaignForReport } from "./campaign-message-facts";

const PAGE = 5000;

export const CAMPAIGN_EXPORT_HEADER = [
  "Lead Name",
  "Email",
  "Company",
  "State",
  "Reason",
  "Step Reached",
  "Mailbox",
  "Last Sent At",
  "Last Message Subject",
  "Opened",
  "Clicked",
  "Replied",
  "Lead ID",
];

const lastMessage = alias(emailMessages, "last_message");
const yesNo = (v: unknown) => (v === true ? "yes" : "no");

/**
 * GET /campaigns/{id}/export: the campaign's recipients as CSV rows, a keyset page at a time so a
 * 100k-recipient campaign streams in constant memory. Rows are limited to leads the caller may
 * see (the campaign is shared, its leads are not), trashed ones included. "Step Reached" is how
 * many steps went out (0: none yet). The export is audited like the lead export.
 */
export async function exportCampaignRecipients(ctx: Ctx, id: string) {
  const campaign = await campaignForReport(ctx, id);
  const visible = or(await leadScope(ctx), await leadScope(ctx, { deleted: true }));
  await recordAudit(ctx.db, ctx, {
    action: "campaign.exported",
    resourceType: "campaign",
    resourceId: campaign.id,
  });

  // Whether any of the recipient's messages was opened, clicked or replied to: a lateral
  // subquery, so each row is one probe of the lead's messages (a correlated EXISTS lets the
  // planner hash every message of the campaign once per page instead).
  const outcomes = ctx.db
    .select({
      opened: sql<boolean>`coalesce(bool_or(${emailMessages.openedAt} is not null), false)`.as(
        "opened",
      ),
      clicked: sql<boolean>`coalesce(bool_or(${emailMessages.clickedAt} is not null), false)`.as(
        "clicked",
      ),
      replied: sql<boolean>`coalesce(bool_or(${emailMessages.repliedAt} is not null), false)`.as(
        "replied",
      ),
    })
    .from(emailMessages)
    .where(
      and(
        eq(emailMessages.organizationId, ctx.orgId),
        eq(emailMessages.leadId, campaignRecipients.leadId),
        eq(emailMessages.campaignId, campaign.id),
        eq(emailMessages.kind, "campaign"),
      ),
    )
    .as("outcomes");

  async function* pages() {
    let after: string | undefined;
    for (;;) {
      const rows = await ctx.db
        .select({
          id: campaignRecipients.id,
          name: leads.displayName,
          email: leads.email,
          company: leads.company,
          state: campaignRecipients.state,
          reason: campaignRecipients.stateReason,
          stepReached: campaignRecipients.nextStepIndex,
          mailbox: mailboxes.fromAddress,
          lastSentAt: campaignRecipients.lastSentAt,
          subject: lastMessage.subject,
          opened: outcomes.opened,
          clicked: outcomes.clicked,
          replied: outcomes.replied,
          leadId: campaignRecipients.leadId,
        })
        .from(campaignRecipients)
        .innerJoin(leads, and(eq(leads.id, campaignRecipients.leadId), visible))
        .leftJoin(
          mailboxes,
          and(
            eq(mailboxes.organizationId, ctx.orgId),
            eq(mailboxes.id, campaignRecipients.mailboxId),
          ),
        )
        .leftJoinLateral(outcomes, sql`true`)
        .leftJoin(
          lastMessage,
          and(
            eq(lastMessage.organizationId, ctx.orgId),
            eq(lastMessage.id, campaignRecipients.lastMessageId),
          ),
        )
        .where(
          and(
            eq(campaignRecipients.organizationId, ctx.orgId),
            eq(campaignRecipients.campaignId, campaign.id),
            after ? gt(campaignRecipients.id, after) : undefined,
          ),
        )
        .orderBy(asc(campaignRecipients.id))
        .limit(PAGE);
      if (!rows.length) return;
      yield rows.map((r) => [
        r.name,
        r.email,
        r.company,
        r.state,
        r.reason,
        r.stepReached,
        r.mailbox,
        r.lastSentAt,
        r.subject,
        yesNo(r.opened),
        yesNo(r.clicked),
        // A reply the inbox matched to no message still shows as the recipient's state.
        yesNo(r.replied || r.state === "replied"),
        r.leadId,
      ]);
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1]!.id;
    }
  }
  const slug = campaign.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return {
    header: CAMPAIGN_EXPORT_HEADER,
    pages: pages(),
    fileName: `campaign-${slug.slice(0, 60) || campaign.id}-${new Date().toISOString().slice(0, 10)}.csv`,
  };
}

/** A PDF is for reading, not for 100k rows: it holds the first rows and says so. */
export const CAMPAIGN_PDF_MAX_ROWS = 2000;

/** The same export as a PDF table (lib/reports/table-export.ts), capped at CAMPAIGN_PDF_MAX_ROWS. */
export async function exportCampaignRecipientsPdf(ctx: Ctx, id: string) {
  const campaign = await campaignForReport(ctx, id);
  const { header, pages, fileName } = await exportCampaignRecipients(ctx, id);
  const rows: unknown[][] = [];
  let more = false;
  for await (const page of pages) {
    rows.push(...page);
    if (rows.length > CAMPAIGN_PDF_MAX_ROWS) {
      more = true;
      break;
    }
  }
  const shown = rows.slice(0, CAMPAIGN_PDF_MAX_ROWS);
  // The lead id is for spreadsheets; on paper it only takes room.
  const keep = header.map((_, i) => i).filter((i) => header[i] !== "Lead ID");
  const bytes = await tableToPdf({
    title: `Campaign: ${campaign.name}`,
    subtitle: `Recipients · exported ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
    header: keep.map((i) => header[i]!),
    rows: shown.map((row) => keep.map((i) => row[i])),
    note: more
      ? `The first ${CAMPAIGN_PDF_MAX_ROWS} recipients; export CSV for all of them.`
      : `${shown.length} recipients.`,
  });
  return { bytes, fileName: fileName.replace(/\.csv$/, "") };
}
