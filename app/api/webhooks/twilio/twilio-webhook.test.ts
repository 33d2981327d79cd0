import { and, eq, sql } from "drizzle-orm";
import twilio from "twilio";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { conversationMessages, conversations, leadActivities, outboxEvents } from "@/db/schema";
import { setLeadPreferences } from "@/lib/communication/preferences";
import { telegramSecretFor } from "@/lib/communication/channel-webhooks";
import { env } from "@/lib/env";
import { callRoute } from "@/lib/testing/http";
import {
  configureTelegram,
  configureTwilio,
  phoneLead,
  TWILIO_TOKEN,
} from "@/lib/testing/channels-fixtures";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { POST as telegramWebhook } from "../telegram/route";
import { POST as twilioWebhook } from "./route";

/** The classifier's hook: one conversation/message.received event for the recorded message. */
async function announced(messageId: string) {
  const db = await getDb();
  const events = await db
    .select()
    .from(outboxEvents)
    .where(
      and(
        eq(outboxEvents.name, "conversation/message.received"),
        sql`${outboxEvents.data}->>'messageId' = ${messageId}`,
      ),
    );
  return events.map((e) => e.data);
}

let org: TestOrg;
const url = () => `${env.appUrl}/api/webhooks/twilio`;

beforeAll(async () => {
  org = await createTestOrg("Inbound SMS");
  await configureTwilio(org);
  await configureTelegram(org);
});

function twilioPost(params: Record<string, string>, token = TWILIO_TOKEN) {
  const signature = twilio.getExpectedTwilioSignature(token, url(), params);
  return callRoute(twilioWebhook as never, {
    method: "POST",
    path: "/api/webhooks/twilio",
    rawBody: new URLSearchParams(params).toString(),
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": signature,
    },
  });
}

const sms = (from: string, body: string, sid = `SM${Math.random().toString(16).slice(2)}`) => ({
  MessageSid: sid,
  AccountSid: "AC0",
  From: from,
  To: "+14155550100",
  Body: body,
  NumMedia: "0",
});

const messagesBySid = async (sid: string) =>
  (await getDb())
    .select()
    .from(conversationMessages)
    .where(eq(conversationMessages.dedupeKey, `twilio:${sid}`));

describe("Twilio inbound webhook", () => {
  it("puts a signed SMS on the sender's conversation once, however often Twilio retries", async () => {
    const lead = await phoneLead(org);
    const params = sms(lead.phone!.replace("+44", "+44 "), "Yes, 10:00 works", "SMdup1");
    const first = await twilioPost(params);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toContain("text/xml");
    expect(first.text).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    expect((await twilioPost(params)).status).toBe(200);
    const rows = await messagesBySid("SMdup1");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      organizationId: org.id,
      leadId: lead.id,
      direction: "inbound",
      channel: "sms",
      matchedBy: "sender",
      body: "Yes, 10:00 works",
    });
    const [conversation] = await (
      await getDb()
    )
      .select()
      .from(conversations)
      .where(and(eq(conversations.organizationId, org.id), eq(conversations.leadId, lead.id)));
    expect(rows[0]!.conversationId).toBe(conversation!.id);
    expect(conversation).toMatchObject({ unreadCount: 1, needsReply: true, lastChannel: "sms" });
    // A reply on any channel is a reply: on the lead's timeline (and its sequences stop).
    const timeline = await (
      await getDb()
    )
      .select()
      .from(leadActivities)
      .where(and(eq(leadActivities.leadId, lead.id), eq(leadActivities.type, "message_received")));
    expect(timeline).toHaveLength(1);
    expect(timeline[0]!.data).toMatchObject({ channel: "sms", messageId: rows[0]!.id });
    expect(await announced(rows[0]!.id)).toEqual([
      expect.objectContaining({ leadId: lead.id, kind: "human_reply" }),
    ]);
  });

  it("matches WhatsApp by the lead's WhatsApp number, and keeps strangers unmatched", async () => {
    const lead = await phoneLead(org);
    await setLeadPreferences(org.ctx("owner"), {
      leadId: lead.id,
      whatsappNumber: "+447700900555",
    });
    await twilioPost({
      ...sms("whatsapp:+447700900555", "Hola", "SMwa1"),
      To: "whatsapp:+14155550101",
    });
    expect((await messagesBySid("SMwa1"))[0]).toMatchObject({
      leadId: lead.id,
      channel: "whatsapp",
    });
    await twilioPost(sms("+19995550123", "Who is this?", "SMstranger"));
    expect((await messagesBySid("SMstranger"))[0]).toMatchObject({
      organizationId: org.id,
      leadId: null,
      conversationId: null,
      matchedBy: "none",
    });
  });

  it("refuses a bad signature with a 403 problem and records nothing", async () => {
    const forged = await twilioPost(sms("+447700900123", "forged", "SMforged"), "not-the-token");
    expect(forged.status).toBe(403);
    expect(forged.headers.get("content-type")).toContain("application/problem+json");
    expect(await messagesBySid("SMforged")).toEqual([]);
    const tampered = sms("+447700900123", "original", "SMtampered");
    const signature = twilio.getExpectedTwilioSignature(TWILIO_TOKEN, url(), tampered);
    const res = await callRoute(twilioWebhook as never, {
      method: "POST",
      path: "/api/webhooks/twilio",
      rawBody: new URLSearchParams({ ...tampered, Body: "changed" }).toString(),
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-twilio-signature": signature,
      },
    });
    expect(res.status).toBe(403);
  });
});

describe("Telegram inbound webhook", () => {
  const post = (secret: string, update: unknown) =>
    callRoute(telegramWebhook as never, {
      method: "POST",
      path: "/api/webhooks/telegram",
      body: update,
      headers: { "x-telegram-bot-api-secret-token": secret },
    });
  const update = (chatId: number, messageId: number, text: string) => ({
    update_id: messageId,
    message: {
      message_id: messageId,
      date: 1_700_000_000,
      text,
      chat: { id: chatId, type: "private" },
    },
  });

  it("records the bot's messages on the lead saved with that chat id, once", async () => {
    const lead = await phoneLead(org);
    await setLeadPreferences(org.ctx("owner"), { leadId: lead.id, telegramChatId: "777001" });
    const res = await post(telegramSecretFor(org.id), update(777001, 5, "Is it still available?"));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ received: true, recorded: true });
    expect((await post(telegramSecretFor(org.id), update(777001, 5, "dup"))).json.recorded).toBe(
      false,
    );
    const rows = await (
      await getDb()
    )
      .select()
      .from(conversationMessages)
      .where(eq(conversationMessages.dedupeKey, "telegram:777001:5"));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      leadId: lead.id,
      channel: "telegram",
      body: "Is it still available?",
    });
    expect(await announced(rows[0]!.id)).toEqual([
      expect.objectContaining({ leadId: lead.id, kind: "human_reply" }),
    ]);
  });

  it("refuses a wrong or another organization's forged secret", async () => {
    const other = await createTestOrg("Telegram other");
    const forged = `${other.id}_${"0".repeat(48)}`;
    expect((await post(forged, update(1, 1, "x"))).status).toBe(403);
    // Valid secret, but that organization never set up a bot.
    expect((await post(telegramSecretFor(other.id), update(1, 1, "x"))).status).toBe(403);
    expect((await post("", update(1, 1, "x"))).status).toBe(403);
  });
});
