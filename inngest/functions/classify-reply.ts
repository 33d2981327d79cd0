import { getDb } from "@/db/client";
import { classifyConversationMessage } from "@/lib/ai/classify-message";
import { enqueueEvent } from "@/lib/jobs/outbox";
import { inngest } from "../client";
import { conversationMessageReceived, replyClassified } from "../events";

/** Inbound kinds worth classifying: bounces and complaints are handled as such already. */
const CLASSIFIED_KINDS = new Set(["human_reply", "auto_reply"]);

/**
 * A lead's reply arrived: classify it and apply what its category means (unsubscribe, postpone,
 * notify, …). One organization's replies run one at a time so its token budget check and its
 * leads' effects don't race; other organizations proceed in parallel.
 */
export const classifyReplyFn = inngest.createFunction(
  {
    id: "classify-reply",
    triggers: [conversationMessageReceived],
    concurrency: { limit: 1, key: "event.data.organizationId" },
    retries: 3,
  },
  async ({ event, step }) => {
    const { organizationId, messageId, leadId, kind } = event.data;
    if (!leadId || !kind || !CLASSIFIED_KINDS.has(kind)) return { skipped: true };
    const result = await step.run("classify", async () =>
      classifyConversationMessage(await getDb(), { organizationId, messageId }),
    );
    if (!result) return { skipped: true };
    // Only a verdict that acted may trigger auto-responder rules; one waiting for review waits.
    if (result.state === "applied") {
      await step.run("announce-classified", async () =>
        enqueueEvent(
          await getDb(),
          replyClassified,
          {
            organizationId,
            messageId,
            leadId: result.leadId,
            category: result.classification.category,
            state: "applied",
          },
          { organizationId },
        ),
      );
    }
    return {
      skipped: false,
      category: result.classification.category,
      state: result.state,
      effects: result.effects,
    };
  },
);
