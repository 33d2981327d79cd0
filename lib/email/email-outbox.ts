import { and, eq, ilike, or } from "drizzle-orm";
import { z } from "zod";
import { EMAIL_KINDS, EMAIL_STATUSES, EMAIL_TRANSPORTS, emailMessages } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { listRows } from "@/lib/http/list-rows";
import { containsPattern } from "@/lib/http/query";
import { pageQuerySchema } from "@/lib/http/pagination";
import { attachmentsOfMessages, emailAttachmentSchema } from "./outbox-attachments";

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
    attachments: z.array(emailAttachmentSchema).meta({
      description: "Files sent with the message (e.g. a scheduled report), without their bytes",
    }),
  })
  .meta({ id: "EmailSummary" });

export const emailDetailSchema = emailSummarySchema
  .extend({
    replyTo: z.string().nullable(),
    html: z.string().nullable(),
    text: z.string().nullable(),
    headers: z.record(z.string(), z.string()),
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

type Summary = z.infer<typeof emailSummarySchema>;

function summary(r: Row, attachments: Summary["attachments"]): Summary {
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
    attachments,
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
  const files = await attachmentsOfMessages(
    ctx,
    page.data.map((r) => r.id),
  );
  return { ...page, data: page.data.map((r) => summary(r, files.get(r.id) ?? [])) };
}

export async function getEmail(ctx: Ctx, id: string): Promise<z.infer<typeof emailDetailSchema>> {
  assertCan(ctx, "email_outbox:read");
  const [row] = await ctx.db
    .select()
    .from(emailMessages)
    .where(and(eq(emailMessages.organizationId, ctx.orgId), eq(emailMessages.id, id)));
  if (!row) throw notFound("Email");
  const files = await attachmentsOfMessages(ctx, [row.id]);
  return {
    ...summary(row, files.get(row.id) ?? []),
    replyTo: row.replyTo,
    html: row.html,
    text: row.text,
    headers: row.headers,
  };
}
