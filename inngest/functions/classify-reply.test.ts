import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { conversationMessages } from "@/db/schema";
import { recordInboundMessage } from "@/lib/conversations/record-message";
import { newId } from "@/lib/crypto/ids";
import { enqueueEvent } from "@/lib/jobs/outbox";
import { runPendingJobs } from "@/lib/testing/jobs";
import { conversationMessageReceived } from "../events";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { sentCampaignMessage } from "@/lib/testing/tracking-fixtures";
import { classifyReplyFn } from "./classify-reply";

let org: TestOrg;

beforeAll(async () => {
  org = await createTestOrg("Classify job");
});

async function inbound(kind: "human_reply" | "bounce", body: string) {
  const db = await getDb();
  const sent = await sentCampaignMessage(org);
  const message = await recordInboundMessage(db, {
    organizationId: org.id,
    leadId: sent.leadId,
    channel: "email",
    matchedBy: "thread",
    inboundKind: kind,
    body,
    dedupeKey: `test:${newId()}`,
  });
  return { leadId: sent.leadId, messageId: message!.id };
}

const run = (data: Record<string, unknown>) =>
  new InngestTestEngine({
    function: classifyReplyFn,
    events: [{ name: "conversation/message.received", data }],
  }).execute();

describe("classify-reply job", () => {
  it("classifies a lead's reply on conversation/message.received and applies its effects", async () => {
    const reply = await inbound("human_reply", "Sounds great, I'm interested — tell me more.");

    const { result } = await run({
      organizationId: org.id,
      conversationId: null,
      messageId: reply.messageId,
      leadId: reply.leadId,
      kind: "human_reply",
    });

    expect(result).toMatchObject({ skipped: false, category: "interested", state: "applied" });
    const [row] = await (
      await getDb()
    )
      .select()
      .from(conversationMessages)
      .where(eq(conversationMessages.id, reply.messageId));
    expect(row!.classificationState).toBe("applied");
  });

  it("skips bounces and messages without a lead", async () => {
    const bounce = await inbound("bounce", "Delivery failed");
    const base = { organizationId: org.id, conversationId: null, messageId: bounce.messageId };

    expect((await run({ ...base, leadId: bounce.leadId, kind: "bounce" })).result).toEqual({
      skipped: true,
    });
    expect((await run({ ...base, leadId: null, kind: "human_reply" })).result).toEqual({
      skipped: true,
    });
    const [row] = await (
      await getDb()
    )
      .select()
      .from(conversationMessages)
      .where(eq(conversationMessages.id, bounce.messageId));
    expect(row!.classificationState).toBeNull();
  });

  it("skips a message of another organization", async () => {
    const reply = await inbound("human_reply", "Please unsubscribe me.");
    const other = await createTestOrg("Classify job other");

    const { result } = await run({
      organizationId: other.id,
      conversationId: null,
      messageId: reply.messageId,
      leadId: reply.leadId,
      kind: "human_reply",
    });

    expect(result).toEqual({ skipped: true });
  });

  it("runs from the outbox in the embedded engine (registered with the other functions)", async () => {
    const reply = await inbound("human_reply", "Could we book a call next week?");
    const db = await getDb();
    await enqueueEvent(
      db,
      conversationMessageReceived,
      {
        organizationId: org.id,
        conversationId: null,
        messageId: reply.messageId,
        leadId: reply.leadId,
        kind: "human_reply",
      },
      { organizationId: org.id },
    );

    await runPendingJobs();

    const [row] = await db
      .select()
      .from(conversationMessages)
      .where(eq(conversationMessages.id, reply.messageId));
    expect(row!.classificationState).not.toBeNull();
    expect(row!.classification).toMatchObject({ mode: "offline" });
  });
});
