import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaignRecipients, conversationMessages, conversations } from "@/db/schema";
import { conversationFor, recordInboundMessage } from "@/lib/conversations/record-message";
import { newId } from "@/lib/crypto/ids";
import { createLead } from "@/lib/leads/create-lead";
import type { TestOrg } from "./fixtures";
import type { OperationFixture, PreparedCall } from "./operation-fixtures";
import { sentCampaignMessage } from "./tracking-fixtures";

/** An unassigned lead with an email (every role sees it) that has written in: its conversation. */
async function conversationOf(org: TestOrg): Promise<PreparedCall> {
  const db = await getDb();
  const lead = await createLead(org.ctx("owner"), {
    firstName: "Talker",
    email: `talker-${newId().slice(-12)}@example.org`,
    ownerId: null,
  });
  // A campaign mailbox to answer from comes with a sent campaign message; its lead is another.
  await sentCampaignMessage(org);
  await recordInboundMessage(db, {
    organizationId: org.id,
    leadId: lead.id,
    channel: "email",
    matchedBy: "sender",
    body: "Hello there",
    dedupeKey: `fixture:${newId()}`,
  });
  const { id } = await conversationFor(db, org.id, lead.id);
  return { params: { id } };
}

async function conversationState(_org: TestOrg, call: PreparedCall) {
  const db = await getDb();
  const id = call.params!.id!;
  return {
    conversation: await db.select().from(conversations).where(eq(conversations.id, id)),
    messages: await db
      .select()
      .from(conversationMessages)
      .where(eq(conversationMessages.conversationId, id)),
  };
}

const onConversation = (body?: () => unknown): OperationFixture => ({
  prepare: async (org) => ({ ...(await conversationOf(org)), ...(body ? { body: body() } : {}) }),
  snapshot: conversationState,
});

/** A lead in an active campaign with a message sent: seed 001's campaign-lead routes act on it. */
const onCampaignLead = (body?: () => unknown): OperationFixture => ({
  prepare: async (org) => {
    const sent = await sentCampaignMessage(org);
    return {
      params: { id: sent.campaignId, leadId: sent.leadId },
      ...(body ? { body: body() } : {}),
    };
  },
  snapshot: async (_org, call) =>
    (await getDb())
      .select()
      .from(campaignRecipients)
      .where(eq(campaignRecipients.leadId, call.params!.leadId!)),
});

export const CONVERSATION_FIXTURES: Record<string, OperationFixture> = {
  "GET /api/v1/conversations/{id}": onConversation(),
  "POST /api/v1/conversations/{id}/read": onConversation(),
  "POST /api/v1/conversations/{id}/messages": onConversation(() => ({
    text: "Thanks for writing",
  })),
  "POST /api/v1/conversations/{id}/takeover": onConversation(() => ({ reason: "Hot lead" })),
  "POST /api/v1/conversations/{id}/handback": onConversation(),
  "POST /api/v1/conversations/unmatched/{id}/assign": {
    prepare: async (org) => {
      const db = await getDb();
      const message = await recordInboundMessage(db, {
        organizationId: org.id,
        leadId: null,
        channel: "email",
        matchedBy: "none",
        body: "Who is this?",
        fromAddress: "stranger@example.org",
        dedupeKey: `fixture:${newId()}`,
      });
      const lead = await createLead(org.ctx("owner"), { firstName: "Filed", ownerId: null });
      return { params: { id: message!.id }, body: { leadId: lead.id } };
    },
    snapshot: async (_org, call) =>
      (await getDb())
        .select()
        .from(conversationMessages)
        .where(eq(conversationMessages.id, call.params!.id!)),
  },
  "GET /api/v1/leads/{id}/conversation": {
    prepare: async (org) => {
      const lead = await createLead(org.ctx("owner"), { firstName: "Quiet", ownerId: null });
      return { params: { id: lead.id } };
    },
    snapshot: async (_org, call) =>
      (await getDb())
        .select()
        .from(conversations)
        .where(eq(conversations.leadId, call.params!.id!)),
  },
  "GET /api/v1/campaigns/{id}/leads/{leadId}/conversation": onCampaignLead(),
  "POST /api/v1/campaigns/{id}/leads/{leadId}/messages": onCampaignLead(() => ({
    text: "Personal note",
  })),
  "POST /api/v1/campaigns/{id}/leads/{leadId}/override": onCampaignLead(() => ({})),
  "POST /api/v1/campaigns/{id}/leads/{leadId}/cede": onCampaignLead(),
};
