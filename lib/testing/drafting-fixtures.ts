import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { conversationMessages } from "@/db/schema";
import { leadReply } from "./ai-fixtures";
import type { TestOrg } from "./fixtures";
import type { OperationFixture, PreparedCall } from "./operation-fixtures";

/** A visible lead's conversation with a reply in it: what the drafting routes answer. */
async function repliedConversation(org: TestOrg): Promise<PreparedCall> {
  const reply = await leadReply(org, "Could we set up a call next week?");
  const db = await getDb();
  const [message] = await db
    .select({ conversationId: conversationMessages.conversationId })
    .from(conversationMessages)
    .where(eq(conversationMessages.id, reply.messageId));
  return { params: { id: message!.conversationId! } };
}

/** The conversation's messages: a draft must never add or change one. */
async function threadState(_org: TestOrg, call: PreparedCall) {
  const db = await getDb();
  return db
    .select()
    .from(conversationMessages)
    .where(eq(conversationMessages.conversationId, call.params!.id!));
}

/** How to call the drafting routes (see OPERATION_FIXTURES). */
export const DRAFTING_FIXTURES: Record<string, OperationFixture> = {
  "POST /api/v1/ai/generate-response": {
    prepare: async (org) => {
      const reply = await leadReply(org);
      return { body: { leadId: reply.leadId, purpose: "reply" } };
    },
  },
  "POST /api/v1/conversations/{id}/generate-response": {
    prepare: repliedConversation,
    snapshot: threadState,
  },
  "GET /api/v1/conversations/{id}/suggestions": {
    prepare: repliedConversation,
    snapshot: threadState,
  },
};
