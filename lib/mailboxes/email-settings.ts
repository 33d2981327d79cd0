import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { emailSettings, mailboxes, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { queueEmail } from "@/lib/email/queue-email";
import { escapeHtml } from "@/lib/email/templates/layout";
import { AppError } from "@/lib/errors";
import type { emailSettingsSchema, updateEmailSettingsInput } from "./mailbox-schemas";
import { getMailboxRow } from "./mailboxes";
import { fromHeader } from "@/lib/email/from-header";
import { organizationInboundSecret } from "@/lib/conversations/inbound/inbound-secret";
import { env } from "@/lib/env";

type EmailSettings = z.infer<typeof emailSettingsSchema>;

export async function getEmailSettings(ctx: Ctx): Promise<EmailSettings> {
  assertCan(ctx, "email_settings:read");
  const [[row], [mailbox]] = await Promise.all([
    ctx.db.select().from(emailSettings).where(eq(emailSettings.organizationId, ctx.orgId)),
    ctx.db
      .select({ id: mailboxes.id })
      .from(mailboxes)
      .where(and(eq(mailboxes.organizationId, ctx.orgId), eq(mailboxes.isDefault, true))),
  ]);
  return {
    trackOpens: row?.trackOpens ?? true,
    trackClicks: row?.trackClicks ?? true,
    postalAddress: row?.postalAddress ?? null,
    unsubscribeText: row?.unsubscribeText ?? null,
    defaultMailboxId: mailbox?.id ?? null,
    inboundAddress: row?.inboundAddress ?? null,
  };
}

export async function updateEmailSettings(
  ctx: Ctx,
  input: z.infer<typeof updateEmailSettingsInput>,
): Promise<EmailSettings> {
  assertCan(ctx, "email_settings:write");
  const { defaultMailboxId, ...fields } = input;
  await ctx.db.transaction(async (tx) => {
    if (defaultMailboxId) {
      await getMailboxRow(ctx, defaultMailboxId, tx).catch(() => {
        throw new AppError("validation_error", "No such mailbox.", {
          errors: [{ path: "defaultMailboxId", message: "Not a mailbox of this organization" }],
        });
      });
      await tx
        .update(mailboxes)
        .set({ isDefault: false })
        .where(and(eq(mailboxes.organizationId, ctx.orgId), eq(mailboxes.isDefault, true)));
      await tx
        .update(mailboxes)
        .set({ isDefault: true })
        .where(and(eq(mailboxes.organizationId, ctx.orgId), eq(mailboxes.id, defaultMailboxId)));
    }
    await tx
      .insert(emailSettings)
      .values({ organizationId: ctx.orgId, ...fields })
      .onConflictDoUpdate({
        target: emailSettings.organizationId,
        set: { ...fields, updatedAt: new Date() },
      });
    await recordAudit(tx, ctx, {
      action: "email_settings.updated",
      resourceType: "organization",
      resourceId: ctx.orgId,
      changes: input,
    });
  });
  return getEmailSettings(ctx);
}

/**
 * A test message from a mailbox (the default unless named) to the caller — or to `to` — through
 * that mailbox's transport, so an admin sees exactly what recipients will.
 */
export async function sendTestEmail(ctx: Ctx, input: { mailboxId?: string; to?: string }) {
  assertCan(ctx, "email_settings:write");
  const mailbox = input.mailboxId
    ? await getMailboxRow(ctx, input.mailboxId)
    : (
        await ctx.db
          .select()
          .from(mailboxes)
          .where(and(eq(mailboxes.organizationId, ctx.orgId), eq(mailboxes.isDefault, true)))
          .limit(1)
      )[0];
  if (!mailbox) {
    throw new AppError("unprocessable", "Add a mailbox first: test mail is sent from one.", {
      errors: [{ path: "mailboxId", message: "No mailbox to send from" }],
    });
  }
  let to = input.to;
  if (!to && ctx.actor.userId) {
    [{ email: to } = { email: undefined }] = await ctx.db
      .select({ email: users.email })
      .from(users)
      .where(eq(users.id, ctx.actor.userId));
  }
  if (!to) {
    throw new AppError("validation_error", "Say where to send the test.", {
      errors: [{ path: "to", message: "Required for an API key" }],
    });
  }
  const signature = mailbox.signatureHtml ? `<br><br>${mailbox.signatureHtml}` : "";
  const id = await queueEmail(ctx.db, {
    organizationId: ctx.orgId,
    kind: "test",
    to,
    from: fromHeader(mailbox.fromName, mailbox.fromAddress),
    replyTo: mailbox.replyTo ?? undefined,
    subject: `Test from ${mailbox.name}`,
    html: `<p>This is a test message from your Leadline mailbox “${escapeHtml(mailbox.name)}”.</p>${signature}`,
    text: `This is a test message from your Leadline mailbox "${mailbox.name}".`,
    transport: mailbox.transport,
    mailboxId: mailbox.id,
  });
  return { emailMessageId: id, to, mailboxId: mailbox.id, transport: mailbox.transport };
}

/** Admins: how to point a mail provider's inbound delivery at this organization. */
export async function getInboundEmailSetup(ctx: Ctx) {
  assertCan(ctx, "email_settings:write");
  const settings = await getEmailSettings(ctx);
  return {
    webhookUrl: `${env.appUrl}/api/webhooks/email/inbound`,
    secret: organizationInboundSecret(ctx.orgId),
    inboundAddress: settings.inboundAddress,
    resendSigned: Boolean(env.RESEND_WEBHOOK_SECRET),
  };
}
