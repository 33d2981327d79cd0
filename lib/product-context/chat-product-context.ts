import type { LanguageModel } from "ai";
import { and, desc, eq } from "drizzle-orm";
import type { z } from "zod";
import { productContextMessages } from "@/db/schema";
import { recordAiUsage, resolveOrgModel } from "@/lib/ai/org-model";
import { LlmCallError } from "@/lib/ai/run-structured";
import type { ProviderConfig } from "@/lib/ai/provider-config";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { withoutNul } from "@/lib/conversations/without-nul";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import type { AskedTopic } from "./extract-answers";
import { toProductContextDto } from "./get-product-context";
import { interviewOffline, openingQuestion } from "./interview-offline";
import { interviewWithModel, type ChatTurn, type ModelTurn } from "./interview-with-model";
import { lockProductContext } from "./lock-product-context";
import { mergeAdditions } from "./merge-additions";
import type { ProductContextChanges, productContextChatInput } from "./product-context-schemas";
import { readProductContext } from "./read-product-context";
import { saveProductContext } from "./save-product-context";

/** The model sees this many recent turns: enough to follow up, bounded in cost. */
const HISTORY_TURNS = 12;

export interface ChatOptions {
  /** The model to use instead of the organization's (tests; null = offline). */
  model?: LanguageModel | null;
}

async function recentTurns(ctx: Ctx) {
  const rows = await ctx.db
    .select({
      role: productContextMessages.role,
      content: productContextMessages.content,
      askedSection: productContextMessages.askedSection,
    })
    .from(productContextMessages)
    .where(eq(productContextMessages.organizationId, ctx.orgId))
    .orderBy(desc(productContextMessages.createdAt), desc(productContextMessages.id))
    .limit(HISTORY_TURNS);
  return rows.reverse();
}

/**
 * What the assistant asked about in its last turn, for the offline interviewer to resume — unless
 * the context was edited directly since, when the question it would ask now is the one shown.
 */
async function lastAsked(ctx: Ctx): Promise<AskedTopic | null> {
  const [row] = await ctx.db
    .select({
      askedSection: productContextMessages.askedSection,
      createdAt: productContextMessages.createdAt,
    })
    .from(productContextMessages)
    .where(
      and(
        eq(productContextMessages.organizationId, ctx.orgId),
        eq(productContextMessages.role, "assistant"),
      ),
    )
    .orderBy(desc(productContextMessages.createdAt), desc(productContextMessages.id))
    .limit(1);
  const context = await readProductContext(ctx);
  if (!row || (context.updatedAt && context.updatedAt > row.createdAt)) {
    return openingQuestion(context)?.topic ?? null;
  }
  return (row.askedSection as AskedTopic | null) ?? null;
}

/**
 * POST /product-context/chat: one turn of the product interview. With a model, it reads the
 * message against the current context and recent chat and returns what to record and ask; on
 * any model failure (or without one) the offline interviewer answers instead. The additions,
 * both turns of the log and the context are written in one transaction.
 */
export async function chatProductContext(
  ctx: Ctx,
  input: z.infer<typeof productContextChatInput>,
  options: ChatOptions = {},
) {
  assertCan(ctx, "product_context:write");
  // PostgreSQL text can't hold NUL characters; a message of nothing else is empty.
  input = { message: withoutNul(input.message).trim() };
  if (!input.message) {
    throw new AppError("validation_error", "The message is empty.", {
      errors: [{ path: "message", message: "Must not be empty" }],
    });
  }
  const resolved =
    options.model !== undefined
      ? options.model
        ? ({ mode: "llm", model: options.model, config: null } as const)
        : ({ mode: "offline" } as const)
      : await resolveOrgModel(ctx.db, ctx.orgId);
  const config: ProviderConfig | null = resolved.mode === "llm" ? resolved.config : null;

  let modelTurn: ModelTurn | null = null;
  let failure: LlmCallError | null = null;
  if (resolved.mode === "llm") {
    const history: ChatTurn[] = (await recentTurns(ctx)).map((t) => ({
      role: t.role,
      content: t.content,
    }));
    try {
      modelTurn = await interviewWithModel(resolved.model, {
        context: await readProductContext(ctx),
        history,
        message: input.message,
      });
    } catch (error) {
      if (!(error instanceof LlmCallError)) throw error;
      failure = error;
      log.warn("product-context chat fell back to the offline interviewer", {
        reason: error.kind,
        error: error.message,
      });
    }
  }
  const asked = modelTurn ? null : await lastAsked(ctx);

  const turn = await ctx.db.transaction(async (tx) => {
    const { updatedAt: _at, updatedBy: _by, ...current } = await lockProductContext(tx, ctx.orgId);
    let result: {
      next: typeof current;
      changes: ProductContextChanges;
      reply: string;
      questions: string[];
      asked: AskedTopic | null;
      mode: "llm" | "offline";
    };
    if (modelTurn) {
      const merged = mergeAdditions(current, modelTurn.additions);
      const reply = modelTurn.reply;
      result = { ...merged, reply, questions: modelTurn.questions, asked: null, mode: "llm" };
    } else {
      result = {
        ...interviewOffline({ context: current, asked, message: input.message }),
        mode: "offline",
      };
    }
    const at = Date.now();
    await tx.insert(productContextMessages).values({
      organizationId: ctx.orgId,
      role: "user",
      content: input.message,
      authorId: ctx.actor.userId,
      createdAt: new Date(at),
    });
    await tx.insert(productContextMessages).values({
      organizationId: ctx.orgId,
      role: "assistant",
      content: withoutNul(result.reply),
      changes: withoutNul(result.changes),
      askedSection: result.asked,
      questions: withoutNul(result.questions),
      mode: result.mode,
      // A millisecond later, so the log's order is user → assistant whatever the ids say.
      createdAt: new Date(at + 1),
    });
    if (Object.keys(result.changes).length > 0) {
      // Stamped with the turn's time: an edit is "newer than the last question" only if later.
      await saveProductContext(tx, ctx.orgId, result.next, ctx.actor.userId, new Date(at + 1));
    }
    return result;
  });

  if (modelTurn) {
    await recordAiUsage(ctx.db, {
      organizationId: ctx.orgId,
      purpose: "product_context",
      mode: "llm",
      config,
      usage: modelTurn.usage,
      latencyMs: modelTurn.latencyMs,
    });
  } else if (failure) {
    await recordAiUsage(ctx.db, {
      organizationId: ctx.orgId,
      purpose: "product_context",
      mode: "llm",
      config,
      usage: failure.usage,
      latencyMs: failure.latencyMs,
      error: `${failure.kind}: fell back to the offline interviewer`,
    });
  } else {
    await recordAiUsage(ctx.db, {
      organizationId: ctx.orgId,
      purpose: "product_context",
      mode: "offline",
    });
  }

  const stored = await readProductContext(ctx);
  return {
    reply: turn.reply,
    questions: turn.questions,
    changes: turn.changes,
    context: toProductContextDto(stored, resolved.mode),
    mode: turn.mode,
  };
}
