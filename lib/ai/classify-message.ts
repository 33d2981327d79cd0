import type { LanguageModel } from "ai";
import { and, desc, eq, lt, notInArray, or, isNull } from "drizzle-orm";
import type { Database, Queryable } from "@/db/client";
import { conversationMessages } from "@/db/schema";
import { productContextForPrompt } from "@/lib/product-context/prompt-context";
import { applyReplyEffects, replySettings, type AppliedEffects } from "./apply-reply-effects";
import { classifyReply, type ClassificationUsage } from "./classify-reply";
import { recordAiUsage, resolveOrgModel } from "./org-model";
import { replyClassificationSchema, type ReplyClassification } from "./reply-classification";

/** Earlier messages given to the classifier as the thread: enough to read a short answer. */
const THREAD_MESSAGES = 4;
const THREAD_MESSAGE_CHARS = 1_500;

export type ClassificationState = "pending" | "applied" | "review" | "corrected";

export interface ClassifiedMessage {
  messageId: string;
  leadId: string;
  classification: ReplyClassification;
  state: ClassificationState;
  /** What the effects did (empty when the message waits for review or was done before). */
  effects: string[];
  /** False when the message had been classified before and nothing was done now. */
  classifiedNow: boolean;
}

type MessageRow = typeof conversationMessages.$inferSelect;

async function inboundMessage(db: Queryable, organizationId: string, messageId: string) {
  const [row] = await db
    .select()
    .from(conversationMessages)
    .where(
      and(
        eq(conversationMessages.organizationId, organizationId),
        eq(conversationMessages.id, messageId),
        eq(conversationMessages.direction, "inbound"),
      ),
    )
    .limit(1);
  return row;
}

/** The few messages before this one, oldest first, as the classifier's context. */
async function threadBefore(db: Queryable, message: MessageRow): Promise<string> {
  if (!message.conversationId || !message.organizationId) return "";
  const rows = await db
    .select({
      direction: conversationMessages.direction,
      subject: conversationMessages.subject,
      body: conversationMessages.body,
      occurredAt: conversationMessages.occurredAt,
    })
    .from(conversationMessages)
    .where(
      and(
        eq(conversationMessages.organizationId, message.organizationId),
        eq(conversationMessages.conversationId, message.conversationId),
        lt(conversationMessages.occurredAt, message.occurredAt),
      ),
    )
    .orderBy(desc(conversationMessages.occurredAt))
    .limit(THREAD_MESSAGES);
  return rows
    .reverse()
    .map((r) => {
      const who = r.direction === "outbound" ? "Us" : "Lead";
      const subject = r.subject ? ` (subject: ${r.subject})` : "";
      return `${who}, ${r.occurredAt.toISOString().slice(0, 10)}${subject}:\n${r.body.slice(0, THREAD_MESSAGE_CHARS)}`;
    })
    .join("\n\n");
}

/** A stored classification, when the row holds a valid one. */
export function storedClassification(row: Pick<MessageRow, "classification">) {
  const parsed = replyClassificationSchema.safeParse(row.classification);
  return parsed.success ? parsed.data : null;
}

export interface ClassifyMessageOptions {
  /** Classify and apply again even when the message was applied or corrected before. */
  force?: boolean;
  /** The model to use instead of the organization's (tests; null = offline). */
  model?: LanguageModel | null;
}

/**
 * Classify one inbound message of a lead: the organization's model (or offline) reads the reply's
 * own words with its subject, headers and the thread before it; the usage is recorded; the
 * verdict is stored on the message. Below the organization's review threshold it waits for a
 * person (`review`, nothing done); otherwise its effects apply (`applied`). A message already
 * applied, corrected or waiting for review is returned as it is unless forced. Null for a message
 * that isn't a lead's inbound message in this organization.
 */
export async function classifyConversationMessage(
  db: Database,
  input: { organizationId: string; messageId: string },
  options: ClassifyMessageOptions = {},
): Promise<ClassifiedMessage | null> {
  const { organizationId, messageId } = input;
  const message = await inboundMessage(db, organizationId, messageId);
  if (!message?.leadId) return null;
  const leadId = message.leadId;
  const previous = storedClassification(message);
  const done = ["applied", "corrected", "review"] as const;
  // A person's correction is labelled truth: even a forced run (reclassify) leaves it standing.
  const kept: readonly ClassificationState[] = options.force ? ["corrected"] : done;
  if (previous && kept.includes(message.classificationState as ClassificationState)) {
    return {
      messageId,
      leadId,
      classification: previous,
      state: message.classificationState as ClassificationState,
      effects: [],
      classifiedNow: false,
    };
  }

  const resolved =
    options.model !== undefined
      ? options.model
        ? ({ mode: "llm", model: options.model, config: null } as const)
        : ({ mode: "offline" } as const)
      : await resolveOrgModel(db, organizationId);
  const usages: ClassificationUsage[] = [];
  const classification = await classifyReply(
    {
      text: message.body || message.fullText || "",
      subject: message.subject,
      headers: message.headers,
      receivedAt: message.occurredAt,
      thread: await threadBefore(db, message),
      // Only a model reads it; the offline classifier goes by the reply's own words.
      productContext:
        resolved.mode === "llm"
          ? ((await productContextForPrompt({ db, orgId: organizationId })) ?? undefined)
          : undefined,
    },
    {
      model: resolved.mode === "llm" ? resolved.model : null,
      onUsage: (usage) => usages.push(usage),
    },
  );
  const config = resolved.mode === "llm" ? resolved.config : null;
  for (const usage of usages) {
    await recordAiUsage(db, {
      organizationId,
      purpose: "classify_reply",
      mode: "llm",
      config,
      usage,
      latencyMs: usage.latencyMs,
      error: classification.mode === "offline" ? "fell back to the offline classifier" : null,
    });
  }
  if (classification.mode === "offline" && usages.length === 0) {
    await recordAiUsage(db, { organizationId, purpose: "classify_reply", mode: "offline" });
  }

  const settings = await replySettings(db, organizationId);
  const state: ClassificationState =
    classification.confidence < settings.reviewThreshold ? "review" : "applied";
  return db.transaction(async (tx) => {
    // The update is the gate: of two concurrent runs only one finds the message unclassified.
    const stored = await tx
      .update(conversationMessages)
      .set({
        classification,
        classificationState: state,
        classifiedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(conversationMessages.organizationId, organizationId),
          eq(conversationMessages.id, messageId),
          or(
            isNull(conversationMessages.classificationState),
            notInArray(conversationMessages.classificationState, [...kept]),
          ),
        ),
      )
      .returning({ id: conversationMessages.id });
    if (stored.length === 0) {
      const current = await inboundMessage(tx, organizationId, messageId);
      return {
        messageId,
        leadId,
        classification: (current && storedClassification(current)) ?? classification,
        state: (current?.classificationState ?? state) as ClassificationState,
        effects: [],
        classifiedNow: false,
      };
    }
    let applied: AppliedEffects = { applied: false, effects: [] };
    if (state === "applied") {
      applied = await applyReplyEffects(
        tx,
        { organizationId, leadId, messageId, classification, at: message.occurredAt },
        settings,
      );
    }
    return {
      messageId,
      leadId,
      classification,
      state,
      effects: applied.effects,
      classifiedNow: true,
    };
  });
}
