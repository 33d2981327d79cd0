import { and, count, desc, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import { aiReplyLabels, conversationMessages, leads } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { AppError, notFound } from "@/lib/errors";
import { paginate, pageQuerySchema } from "@/lib/http/pagination";
import { parseSort } from "@/lib/http/sort";
import { enqueueEvent } from "@/lib/jobs/outbox";
import { leadScope } from "@/lib/leads/visibility";
import { replyClassified } from "@/inngest/events";
import { productContextForPrompt } from "@/lib/product-context/prompt-context";
import { applyReplyEffects, replySettings } from "./apply-reply-effects";
import { undoReplyEffects } from "./undo-reply-effects";
import { classifyConversationMessage, storedClassification } from "./classify-message";
import { classifyReply, type ClassificationUsage } from "./classify-reply";
import { recordAiUsage, resolveOrgModel } from "./org-model";
import {
  REPLY_CATEGORIES,
  replyClassificationSchema,
  type ReplyClassification,
} from "./reply-classification";

export const CLASSIFICATION_STATES = ["pending", "applied", "review", "corrected"] as const;

export const classifyTextInput = z
  .strictObject({
    text: z.string().trim().min(1).max(20_000),
    subject: z.string().max(1_000).optional(),
  })
  .meta({ id: "ClassifyReplyInput" });

export const correctClassificationInput = z
  .strictObject({
    category: z.enum(REPLY_CATEGORIES),
    returnDate: z.iso
      .date()
      .optional()
      .meta({ description: "out_of_office: the date the sender is back (YYYY-MM-DD)" }),
  })
  .meta({ id: "ClassificationCorrection" });

export const classifiedMessageSchema = z
  .object({
    messageId: z.uuid(),
    leadId: z.uuid(),
    conversationId: z.uuid().nullable(),
    leadName: z.string(),
    subject: z.string().nullable(),
    body: z.string(),
    occurredAt: z.iso.datetime(),
    classification: replyClassificationSchema.nullable(),
    classificationState: z.enum(CLASSIFICATION_STATES).nullable(),
    classifiedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "ClassifiedMessage" });
export type ClassifiedMessageDto = z.infer<typeof classifiedMessageSchema>;

export const listReviewsQuery = pageQuerySchema.strict().meta({ id: "ReplyReviewsQuery" });

const columns = {
  messageId: conversationMessages.id,
  leadId: leads.id,
  conversationId: conversationMessages.conversationId,
  leadName: leads.displayName,
  subject: conversationMessages.subject,
  body: conversationMessages.body,
  occurredAt: conversationMessages.occurredAt,
  classification: conversationMessages.classification,
  classificationState: conversationMessages.classificationState,
  classifiedAt: conversationMessages.classifiedAt,
};
type Row = {
  [K in keyof typeof columns]: (typeof columns)[K]["_"]["data"] | null;
} & { messageId: string; leadId: string; leadName: string; body: string; occurredAt: Date };

function toDto(row: Row): ClassifiedMessageDto {
  return {
    messageId: row.messageId,
    leadId: row.leadId,
    conversationId: row.conversationId,
    leadName: row.leadName,
    subject: row.subject,
    body: row.body,
    occurredAt: row.occurredAt.toISOString(),
    classification: storedClassification(row),
    classificationState: row.classificationState,
    classifiedAt: row.classifiedAt?.toISOString() ?? null,
  };
}

/** Inbound messages of leads the caller may see. */
async function visibleInbound(ctx: Ctx, ...conditions: (SQL | undefined)[]) {
  return and(
    await leadScope(ctx),
    eq(conversationMessages.organizationId, ctx.orgId),
    eq(conversationMessages.direction, "inbound"),
    ...conditions,
  );
}

async function visibleMessage(ctx: Ctx, messageId: string) {
  const [row] = await ctx.db
    .select(columns)
    .from(conversationMessages)
    .innerJoin(
      leads,
      and(eq(leads.organizationId, ctx.orgId), eq(leads.id, conversationMessages.leadId)),
    )
    .where(await visibleInbound(ctx, eq(conversationMessages.id, messageId)))
    .limit(1);
  if (!row) throw notFound("Message");
  return row as Row;
}

const SORTABLE = {
  occurredAt: { expr: conversationMessages.occurredAt, type: "date" as const },
};

/** GET /ai/reviews: replies the classifier wasn't sure about, waiting for a person. */
export async function listReplyReviews(ctx: Ctx, query: z.infer<typeof listReviewsQuery>) {
  assertCan(ctx, "conversations:read");
  const filter = await visibleInbound(ctx, eq(conversationMessages.classificationState, "review"));
  const sort = parseSort(query.sort, SORTABLE, {
    default: "-occurredAt",
    tieBreaker: { field: "messageId", expr: conversationMessages.id, type: "string" },
  });
  const from = () =>
    ctx.db
      .select(columns)
      .from(conversationMessages)
      .innerJoin(
        leads,
        and(eq(leads.organizationId, ctx.orgId), eq(leads.id, conversationMessages.leadId)),
      );
  const page = await paginate({
    query,
    sort,
    fetch: ({ where, orderBy, limit, offset }) =>
      from()
        .where(and(filter, where))
        .orderBy(...orderBy)
        .limit(limit)
        .offset(offset) as Promise<Row[]>,
    count: async () =>
      (
        await ctx.db
          .select({ n: count() })
          .from(conversationMessages)
          .innerJoin(
            leads,
            and(eq(leads.organizationId, ctx.orgId), eq(leads.id, conversationMessages.leadId)),
          )
          .where(filter)
      )[0]!.n,
  });
  return { ...page, data: page.data.map(toDto) };
}

/**
 * POST /conversations/messages/{id}/classification: a person says what the reply really is. The
 * correction is kept as labelled data, the message is marked corrected, and the corrected
 * category's effects apply (once per category: repeating the same correction does nothing more).
 */
export async function correctClassification(
  ctx: Ctx,
  messageId: string,
  input: z.infer<typeof correctClassificationInput>,
): Promise<ClassifiedMessageDto> {
  assertCan(ctx, "conversations:write");
  const row = await visibleMessage(ctx, messageId);
  const previous = storedClassification(row);
  const corrected: ReplyClassification = {
    category: input.category,
    confidence: 1,
    rationale: "Corrected by a person",
    returnDate: input.category === "out_of_office" ? (input.returnDate ?? null) : null,
    referral: input.category === "wrong_person" ? (previous?.referral ?? null) : null,
    mode: previous?.mode ?? "offline",
  };
  const settings = await replySettings(ctx.db, ctx.orgId);
  await ctx.db.transaction(async (tx) => {
    await tx.insert(aiReplyLabels).values({
      organizationId: ctx.orgId,
      messageId,
      category: input.category,
      previousCategory: previous?.category ?? null,
      previousMode: previous?.mode ?? null,
      text: row.body,
      subject: row.subject,
      labelledBy: ctx.actor.userId,
    });
    await tx
      .update(conversationMessages)
      .set({
        classification: corrected,
        classificationState: "corrected",
        classifiedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(conversationMessages.organizationId, ctx.orgId),
          eq(conversationMessages.id, messageId),
        ),
      );
    const acted = row.classificationState === "applied" || row.classificationState === "corrected";
    if (acted && previous && previous.category !== input.category) {
      await undoReplyEffects(tx, {
        organizationId: ctx.orgId,
        leadId: row.leadId,
        messageId,
        wrong: previous.category,
      });
    }
    await applyReplyEffects(
      tx,
      {
        organizationId: ctx.orgId,
        leadId: row.leadId,
        messageId,
        classification: corrected,
        correctedBy: ctx.actor.userId,
      },
      settings,
    );
    // A person now stands behind the verdict: the auto-responder may act on it.
    await enqueueEvent(
      tx,
      replyClassified,
      {
        organizationId: ctx.orgId,
        messageId,
        leadId: row.leadId,
        category: input.category,
        state: "corrected",
      },
      { organizationId: ctx.orgId },
    );
  });
  return toDto(await visibleMessage(ctx, messageId));
}

/** POST /leads/{id}/reclassify: classify the lead's latest inbound message again, effects too. */
export async function reclassifyLatestReply(
  ctx: Ctx,
  leadId: string,
): Promise<ClassifiedMessageDto> {
  assertCan(ctx, "conversations:write");
  const [latest] = await ctx.db
    .select({ id: conversationMessages.id })
    .from(conversationMessages)
    .innerJoin(
      leads,
      and(eq(leads.organizationId, ctx.orgId), eq(leads.id, conversationMessages.leadId)),
    )
    .where(await visibleInbound(ctx, eq(leads.id, leadId)))
    .orderBy(desc(conversationMessages.occurredAt), desc(conversationMessages.id))
    .limit(1);
  if (!latest) {
    const [lead] = await ctx.db
      .select({ id: leads.id })
      .from(leads)
      .where(and(await leadScope(ctx), eq(leads.id, leadId)))
      .limit(1);
    if (!lead) throw notFound("Lead");
    throw new AppError("unprocessable", "This lead has sent no message to classify.");
  }
  const result = await classifyConversationMessage(
    ctx.db,
    { organizationId: ctx.orgId, messageId: latest.id },
    { force: true },
  );
  // As on arrival: a verdict that acted may trigger the auto-responder (one in review waits).
  if (result?.state === "applied") {
    await enqueueEvent(
      ctx.db,
      replyClassified,
      {
        organizationId: ctx.orgId,
        messageId: latest.id,
        leadId: result.leadId,
        category: result.classification.category,
        state: "applied",
      },
      { organizationId: ctx.orgId },
    );
  }
  return toDto(await visibleMessage(ctx, latest.id));
}

/** POST /ai/classify-reply: classify any text with the organization's model (nothing stored). */
export async function classifyText(
  ctx: Ctx,
  input: z.infer<typeof classifyTextInput>,
): Promise<ReplyClassification> {
  assertCan(ctx, "conversations:read");
  const resolved = await resolveOrgModel(ctx.db, ctx.orgId);
  const usages: ClassificationUsage[] = [];
  const classification = await classifyReply(
    {
      text: input.text,
      subject: input.subject ?? null,
      productContext:
        resolved.mode === "llm" ? ((await productContextForPrompt(ctx)) ?? undefined) : undefined,
    },
    {
      model: resolved.mode === "llm" ? resolved.model : null,
      onUsage: (usage) => usages.push(usage),
    },
  );
  for (const usage of usages) {
    await recordAiUsage(ctx.db, {
      organizationId: ctx.orgId,
      purpose: "classify_reply",
      mode: "llm",
      config: resolved.mode === "llm" ? resolved.config : null,
      usage,
      latencyMs: usage.latencyMs,
    });
  }
  if (usages.length === 0) {
    await recordAiUsage(ctx.db, {
      organizationId: ctx.orgId,
      purpose: "classify_reply",
      mode: classification.mode,
    });
  }
  return classification;
}
