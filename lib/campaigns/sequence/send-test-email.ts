import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { campaigns, mailboxes, users } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { queueEmail } from "@/lib/email/queue-email";
import { AppError, notFound } from "@/lib/errors";
import { getLeadOrThrow } from "@/lib/leads/get-lead";
import type { LeadForTemplate } from "@/lib/templates/template-variables";
import { campaignEmailSettings } from "./campaign-email-settings";
import { composeCampaignEmail } from "./compose-campaign-email";
import { variantParts } from "./step-content";

export const campaignTestSendInput = z
  .strictObject({
    stepIndex: z.number().int().min(0).max(19).optional().meta({ description: "Default 0" }),
    variantId: z.string().trim().min(1).max(40).optional().meta({
      description: "Default: the step's first variant",
    }),
    leadId: z.uuid().optional().meta({ description: "Render for this lead; else sample values" }),
  })
  .meta({ id: "CampaignTestSend" });

export const campaignTestSendResultSchema = z
  .object({ messageId: z.uuid(), to: z.string() })
  .meta({ id: "CampaignTestSendResult" });

/** What a test shows where a lead's details would go, when no lead is picked. */
export const SAMPLE_LEAD: LeadForTemplate = {
  firstName: "Alex",
  lastName: "Sample",
  email: "alex.sample@example.com",
  company: "Example Inc.",
  jobTitle: "Head of Operations",
  phone: "+1 555 0100",
  city: "Springfield",
  country: "US",
  customFields: {},
};

const invalid = (path: string, message: string) =>
  new AppError("validation_error", message, { errors: [{ path, message }] });

/** The campaign's first listed mailbox that still exists; else the organization's default. */
async function testMailbox(ctx: Ctx, mailboxIds: string[]) {
  const org = eq(mailboxes.organizationId, ctx.orgId);
  const listed = mailboxIds.length
    ? await ctx.db
        .select()
        .from(mailboxes)
        .where(and(org, inArray(mailboxes.id, mailboxIds)))
    : [];
  const first = mailboxIds.map((id) => listed.find((m) => m.id === id)).find(Boolean);
  if (first) return first;
  const [fallback] = await ctx.db
    .select()
    .from(mailboxes)
    .where(and(org, eq(mailboxes.isDefault, true)));
  return fallback;
}

/**
 * Send one step of a campaign (one variant) to the caller, rendered exactly as a real send
 * renders it — for a chosen lead or sample values — through the campaign's first mailbox, marked
 * "[Test]". The unsubscribe link stays a harmless anchor and nothing is tracked or counted.
 */
export async function sendCampaignTestEmail(
  ctx: Ctx,
  campaignId: string,
  input: z.infer<typeof campaignTestSendInput>,
): Promise<z.infer<typeof campaignTestSendResultSchema>> {
  assertCan(ctx, "campaigns:write");
  assertCan(ctx, "campaigns:test_send");
  const [campaign] = await ctx.db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.organizationId, ctx.orgId), eq(campaigns.id, campaignId)))
    .limit(1);
  if (!campaign) throw notFound("Campaign");
  const [me] = ctx.actor.userId
    ? await ctx.db.select({ email: users.email }).from(users).where(eq(users.id, ctx.actor.userId))
    : [];
  if (!me) throw new AppError("forbidden", "A test email goes to a signed-in user's address");

  const stepIndex = input.stepIndex ?? 0;
  const step = campaign.steps[stepIndex];
  if (!step) throw invalid("stepIndex", `The campaign has ${campaign.steps.length} step(s)`);
  const variant = input.variantId
    ? step.variants.find((v) => v.id === input.variantId)
    : step.variants[0];
  if (!variant) throw invalid("variantId", "No such variant in this step");
  const lead = input.leadId ? await getLeadOrThrow(ctx, input.leadId) : SAMPLE_LEAD;
  const mailbox = await testMailbox(ctx, campaign.mailboxIds);
  if (!mailbox) {
    throw new AppError("unprocessable", "Add a mailbox first: test mail is sent from one.", {
      errors: [{ path: "mailboxIds", message: "No mailbox to send from" }],
    });
  }
  const parts = await variantParts(ctx.db, ctx.orgId, variant);
  if (!parts) {
    throw new AppError("unprocessable", "This step has nothing to send yet.", {
      errors: [{ path: "variantId", message: "Give the variant a subject and body" }],
    });
  }
  const composed = composeCampaignEmail({
    parts,
    lead,
    sender: mailbox,
    footer: await campaignEmailSettings(ctx.db, ctx.orgId),
  });
  const messageId = await ctx.db.transaction((tx) =>
    queueEmail(tx, {
      organizationId: ctx.orgId,
      kind: "test",
      to: me.email,
      from: composed.from,
      replyTo: composed.replyTo,
      subject: `[Test] ${composed.subject}`,
      html: composed.html,
      text: composed.text,
      transport: mailbox.transport,
      mailboxId: mailbox.id,
    }),
  );
  return { messageId, to: me.email };
}
