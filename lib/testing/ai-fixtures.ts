import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { aiReplyLabels, conversationMessages, leadEvents } from "@/db/schema";
import { recordInboundMessage } from "@/lib/conversations/record-message";
import { newId } from "@/lib/crypto/ids";
import { createLead } from "@/lib/leads/create-lead";
import type { TestOrg } from "./fixtures";
import type { OperationFixture, PreparedCall } from "./operation-fixtures";

/** An unassigned lead (every role sees it) whose reply is recorded, not yet classified. */
export async function leadReply(org: TestOrg, body = "Could you tell me more about pricing?") {
  const db = await getDb();
  const lead = await createLead(org.ctx("owner"), {
    firstName: "Replier",
    email: `replier-${newId().slice(-12)}@example.org`,
    ownerId: null,
  });
  const message = await recordInboundMessage(db, {
    organizationId: org.id,
    leadId: lead.id,
    channel: "email",
    matchedBy: "sender",
    inboundKind: "human_reply",
    subject: "Re: Hello",
    body,
    dedupeKey: `fixture:${newId()}`,
  });
  return { leadId: lead.id, messageId: message!.id };
}

/** The message, its labels and its lead's events: what a refused call must leave alone. */
async function replyState(messageId: string) {
  const db = await getDb();
  const [message] = await db
    .select()
    .from(conversationMessages)
    .where(eq(conversationMessages.id, messageId));
  return {
    message,
    labels: await db.select().from(aiReplyLabels).where(eq(aiReplyLabels.messageId, messageId)),
    events: message?.leadId
      ? await db.select().from(leadEvents).where(eq(leadEvents.leadId, message.leadId))
      : [],
  };
}

/** How to call the reply classification routes (see OPERATION_FIXTURES). */
export const AI_FIXTURES: Record<string, OperationFixture> = {
  "POST /api/v1/ai/classify-reply": {
    prepare: async () => ({
      body: { text: "Please remove me from your list.", subject: "Re: Hi" },
    }),
  },
  "POST /api/v1/leads/{id}/reclassify": {
    prepare: async (org): Promise<PreparedCall> => {
      const reply = await leadReply(org);
      return { params: { id: reply.leadId } };
    },
    snapshot: async (_org, call) => {
      const db = await getDb();
      const messages = await db
        .select({ id: conversationMessages.id })
        .from(conversationMessages)
        .where(eq(conversationMessages.leadId, call.params!.id!));
      return Promise.all(messages.map((m) => replyState(m.id)));
    },
  },
  "POST /api/v1/conversations/messages/{id}/classification": {
    prepare: async (org) => {
      const reply = await leadReply(org);
      return { params: { id: reply.messageId }, body: { category: "question" } };
    },
    snapshot: async (_org, call) => replyState(call.params!.id!),
  },
};
