import type { Queryable } from "@/db/client";
import { conversationMessageReceived } from "@/inngest/events";
import { enqueueEvent } from "@/lib/jobs/outbox";

/**
 * Tells the jobs (the reply classifier first) that a lead's message was recorded — whichever
 * channel brought it — in the transaction that recorded it, so it is announced exactly when it
 * exists. `kind` is the inbound kind (human_reply, auto_reply, bounce…).
 */
export async function announceInboundMessage(
  tx: Queryable,
  input: {
    organizationId: string;
    conversationId: string | null;
    messageId: string;
    leadId: string | null;
    kind: string | null;
  },
): Promise<void> {
  await enqueueEvent(tx, conversationMessageReceived, input, {
    organizationId: input.organizationId,
  });
}
