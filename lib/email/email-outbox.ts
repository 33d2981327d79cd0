import { and, eq, ilike, or } from "drizzle-orm";
import { z } from "zod";
import { EMAIL_KINDS, EMAIL_STATUSES, EMAIL_TRANSPORTS, emailMessages } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { listRows } from "@/lib/http/list-rows";
import { containsPattern } from "@/lib/http/query";
import { pageQuerySchema } from "@/lib/http/pagination";
import { attachmentSummaries } from "./email-attachments";

export const emailSummarySchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(EMAIL_KINDS),
    from: z.string(),
    to: z.string(),
    subject: z.string(),
    transport: z.enum(EMAIL_TRANSPORTS),
    status: z.enum(EMAIL_STATUSES),
    error: z.string().nullable(),
    createdAt: z.iso.datetime(),
    sentAt: z.iso.datetime().nullable(),
    leadId: z.uuid().nullable(),
    campaignId: z.uuid().nullable(),
    stepIndex: z.number().int().nullable(),
    deliveredAt: z.iso.datetime().nullable(),
    openedAt: z.iso.datetime().nullable().meta({ description: "First human open" }),
    clickedAt: z.iso.datetime().nullable().meta({ description: "First human click" }),
    bouncedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "EmailSummary" });

export const emailDetailSchema = emailSummarySchema
  .extend({
    replyTo: z.string().nullable(),
    html: z.string().nullable(),
    text: z.string().nullable(),
    headers: z.record(z.string(), z.string()),
    attachments: z
      .array(
        z.object({
          id: z.uuid(),
          filename: z.string(),
          contentType: z.string(),
          size: z.number().int().meta({ description: "Bytes" }),
        }),
      )
      .meta({ description: "Files sent with the message (e.g. a scheduled report)" }),
  })
  .meta({ id: "EmailDetail" });

export const listEmailsQuery = pageQuerySchema
  .extend({
    q: z.string().trim().max(200).optional().meta({ description: "Matches recipient or subject" }),
    kind: z.enum(EMAIL_KINDS).optional(),
    status: z.enum(EMAIL_STATUSES).optional(),
    campaignId: z.uuid().optional(),
    leadId: z.uuid().optional(),
  })
  .strict();

type Row = typeof emailMessages.$inferSelect;

function summary(r: Row): z.infer<typeof emailSummarySchema> {
  return {
    id: r.id,
    kind: r.kind,
    from: r.fromAddress,
    to: r.toAddress,
    subject: r.subject,
    transport: r.transport,
    status: r.status,
    error: r.error,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
    leadId: r.leadId,
    campaignId: r.campaignId,
    stepIndex: r.stepIndex,
    deliveredAt: iso(r.deliveredAt),
    openedAt: iso(r.openedAt),
    clickedAt: iso(r.clickedAt),
    bouncedAt: iso(r.bouncedAt),
  };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

const SORTABLE = { createdAt: { expr: emailMessages.createdAt, type: "date" as const } };

/** The organization's sent mail, newest first — the local outbox when no provider is configured. */
export async function listEmails(ctx: Ctx, query: z.infer<typeof listEmailsQuery>) {
  assertCan(ctx, "email_outbox:read");
  const pattern = query.q ? containsPattern(query.q) : undefined;
  const filter = and(
    eq(emailMessages.organizationId, ctx.orgId),
    pattern
      ? or(ilike(emailMessages.toAddress, pattern), ilike(emailMessages.subject, pattern))
      : undefined,
    query.kind ? eq(emailMessages.kind, query.kind) : undefined,
    query.status ? eq(emailMessages.status, query.status) : undefined,
    query.campaignId ? eq(emailMessages.campaignId, query.campaignId) : undefined,
    query.leadId ? eq(emailMessages.leadId, query.leadId) : undefined,
  );
  const page = await listRows(ctx.db, emailMessages, {
    query,
    filter,
    sortable: SORTABLE,
    defaultSort: "-createdAt",
  });
  return { ...page, data: page.data.map(summary) };
}

export async function getEmail(ctx: Ctx, id: string): Promise<z.infer<typeof emailDetailSchema>> {
  assertCan(ctx, "email_outbox:read");
  const [row] = await ctx.db
    .select()
    .from(emailMessages)
    .where(and(eq(emailMessages.organizationId, ctx.orgId), eq(emailMessages.id, id)));
  if (!row) throw notFound("Email");
  return {
    ...summary(row),
    replyTo: row.replyTo,
    html: row.html,
    text: row.text,
    headers: row.headers,
    attachments: await attachmentSummaries(ctx.db, row),
  };
}
