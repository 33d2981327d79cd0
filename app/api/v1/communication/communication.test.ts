import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { communicationProviders, conversationMessages, leads } from "@/db/schema";
import { createMailbox } from "@/lib/mailboxes/mailboxes";
import { api } from "@/lib/testing/api-client";
import {
  channelFakes,
  configureTelegram,
  configureTwilio,
  phoneLead,
  TWILIO_SID,
  TWILIO_TOKEN,
} from "@/lib/testing/channels-fixtures";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";

let org: TestOrg;
const owner = () => org.members.owner.token;

beforeAll(async () => {
  await channelFakes();
  org = await createTestOrg("Channels");
});

const send = (leadId: string, body: Record<string, unknown>, token = owner()) =>
  api("POST", `/api/v1/communication/send/${leadId}`, { token, body });

describe("channel settings", () => {
  it("seals the credentials and never returns them", async () => {
    const rep = await api("PUT", "/api/v1/settings/channels/twilio", {
      token: org.members.rep.token,
      body: { accountSid: TWILIO_SID, authToken: TWILIO_TOKEN },
    });
    expect(rep.status).toBe(403);
    const saved = await api("PUT", "/api/v1/settings/channels/twilio", {
      token: org.members.admin.token,
      body: { accountSid: TWILIO_SID, authToken: TWILIO_TOKEN, smsNumber: "+14155550100" },
    });
    expect(saved.status).toBe(200);
    expect(saved.text).not.toContain(TWILIO_TOKEN);
    expect(saved.json.twilio).toMatchObject({
      configured: true,
      enabled: true,
      accountSid: TWILIO_SID,
      smsNumber: "+14155550100",
      whatsappNumber: null,
    });
    const ready = Object.fromEntries(
      saved.json.channels.map((c: { channel: string; ready: boolean }) => [c.channel, c.ready]),
    );
    expect(ready).toMatchObject({ sms: true, whatsapp: false, voice: false, telegram: false });
    const [row] = await (
      await getDb()
    )
      .select()
      .from(communicationProviders)
      .where(eq(communicationProviders.organizationId, org.id));
    expect(row!.secretSealed).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain(TWILIO_TOKEN);

    // Changing a number keeps the stored token; a Telegram field on Twilio is refused.
    const kept = await api("PUT", "/api/v1/settings/channels/twilio", {
      token: owner(),
      body: { voiceNumber: "+14155550102" },
    });
    expect(kept.json.twilio).toMatchObject({ configured: true, voiceNumber: "+14155550102" });
    const foreign = await api("PUT", "/api/v1/settings/channels/twilio", {
      token: owner(),
      body: { botToken: "123456:abcdefghijklmnopqrstuvwxyz" },
    });
    expect(foreign.status).toBe(400);
    expect(foreign.json.errors[0].path).toBe("botToken");
    const incomplete = await api("PUT", "/api/v1/settings/channels/telegram", {
      token: owner(),
      body: { botUsername: "leadline_bot" },
    });
    expect(incomplete.json.errors).toEqual([{ path: "botToken", message: "Required" }]);
  });

  it("removes a provider, and its channels stop", async () => {
    const other = await createTestOrg("Channels removed");
    await configureTwilio(other);
    const lead = await phoneLead(other);
    expect(
      (
        await api("DELETE", "/api/v1/settings/channels/twilio", {
          token: other.members.owner.token,
        })
      ).status,
    ).toBe(204);
    const res = await send(lead.id, { channel: "sms", body: "Hi" }, other.members.owner.token);
    expect(res.status).toBe(422);
    expect(res.json.code).toBe("channel_not_configured");
    expect(
      (
        await api("DELETE", "/api/v1/settings/channels/twilio", {
          token: other.members.owner.token,
        })
      ).status,
    ).toBe(404);
  });
});

describe("sending to a lead", () => {
  it("answers 422 channel_not_configured for a provider nobody set up, sending nothing", async () => {
    const fresh = await createTestOrg("No channels");
    const lead = await phoneLead(fresh);
    for (const channel of ["sms", "whatsapp", "voice", "telegram", "email"]) {
      const res = await send(lead.id, { channel, body: "Hello" }, fresh.members.owner.token);
      expect(res.status, channel).toBe(422);
      expect(res.json.code, channel).toBe("channel_not_configured");
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
    const messages = await (
      await getDb()
    )
      .select()
      .from(conversationMessages)
      .where(eq(conversationMessages.leadId, lead.id));
    expect(messages).toEqual([]);
  });

  it("sends an SMS through Twilio and records it on the lead's conversation", async () => {
    await configureTwilio(org);
    const { twilio } = await channelFakes();
    const lead = await phoneLead(org);
    const res = await send(
      lead.id,
      { channel: "sms", body: "Your viewing is at 10:00." },
      org.members.rep.token,
    );
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ channel: "sms", status: "sent", to: lead.phone });
    expect(new URLSearchParams(twilio.requests.at(-1)!.body).get("To")).toBe(lead.phone);
    const [message] = await (
      await getDb()
    )
      .select()
      .from(conversationMessages)
      .where(eq(conversationMessages.id, res.json.messageId));
    expect(message).toMatchObject({
      direction: "outbound",
      channel: "sms",
      author: "user",
      authorUserId: org.members.rep.id,
      body: "Your viewing is at 10:00.",
      externalId: res.json.externalId,
      fromAddress: "+14155550100",
      toAddress: lead.phone,
      conversationId: res.json.conversationId,
    });
    const [after] = await (await getDb()).select().from(leads).where(eq(leads.id, lead.id));
    expect(after!.lastContactedAt).not.toBeNull();
  });

  it("honours consent and do-not-contact per channel", async () => {
    await configureTwilio(org);
    const lead = await phoneLead(org);
    const declined = await api("POST", "/api/v1/communication/preferences", {
      token: owner(),
      body: { leadId: lead.id, consent: { sms: "denied" }, whatsappNumber: "+447700900999" },
    });
    expect(declined.status).toBe(201);
    const sms = await send(lead.id, { channel: "sms", body: "Hi" });
    expect(sms.status).toBe(422);
    expect(sms.json.code).toBe("consent_denied");
    // WhatsApp wasn't declined: it goes to the lead's WhatsApp number.
    const whatsapp = await send(lead.id, { channel: "whatsapp", body: "Hi" });
    expect(whatsapp.status).toBe(201);
    expect(whatsapp.json.to).toBe("+447700900999");

    // The organization can require explicit consent: unknown then means no.
    const defaults = await api("PUT", "/api/v1/communication/preferences", {
      token: owner(),
      body: { consent: { voice: "denied" } },
    });
    expect(defaults.json.organization.consent).toEqual({ voice: "denied" });
    expect((await send(lead.id, { channel: "voice", body: "Hi" })).json.code).toBe(
      "consent_denied",
    );
    await api("PUT", "/api/v1/communication/preferences", {
      token: owner(),
      body: { leadId: lead.id, consent: { voice: "granted" } },
    });
    expect((await send(lead.id, { channel: "voice", body: "Hi" })).status).toBe(201);
    await api("PUT", "/api/v1/communication/preferences", {
      token: owner(),
      body: { consent: { voice: "unknown" } },
    });

    await (await getDb()).update(leads).set({ doNotContact: true }).where(eq(leads.id, lead.id));
    const view = await api("GET", `/api/v1/communication/preferences?leadId=${lead.id}`, {
      token: owner(),
    });
    const blocked = view.json.lead.channels.map((c: { blockedBy: string }) => c.blockedBy);
    expect(new Set(blocked.filter((b: string) => b !== "channel_not_configured"))).toEqual(
      new Set(["do_not_contact"]),
    );
    const dnc = await send(lead.id, { channel: "whatsapp", body: "Hi" });
    expect(dnc.status).toBe(422);
    expect(dnc.json.code).toBe("do_not_contact");
  });

  it("needs an address on the channel, and a channel the organization left on", async () => {
    await configureTelegram(org);
    const lead = await phoneLead(org, { phone: null });
    expect((await send(lead.id, { channel: "sms", body: "Hi" })).json.code).toBe(
      "no_channel_address",
    );
    expect((await send(lead.id, { channel: "telegram", body: "Hi" })).json.code).toBe(
      "no_channel_address",
    );
    await api("POST", "/api/v1/communication/preferences", {
      token: owner(),
      body: { leadId: lead.id, telegramChatId: "4242", preferredChannel: "telegram" },
    });
    const telegram = await send(lead.id, { channel: "telegram", body: "Hi from the bot" });
    expect(telegram.status).toBe(201);
    expect(telegram.json.externalId).toMatch(/^4242:/);

    const off = await api("PUT", "/api/v1/communication/preferences", {
      token: owner(),
      body: { enabledChannels: ["email", "sms"] },
    });
    expect(off.json.organization.enabledChannels).toEqual(["email", "sms"]);
    const refused = await send(lead.id, { channel: "telegram", body: "Hi" });
    expect(refused.status).toBe(422);
    expect(refused.json.code).toBe("channel_not_configured");
    expect(
      (
        await api("PUT", "/api/v1/communication/preferences", {
          token: org.members.rep.token,
          body: { enabledChannels: ["email"] },
        })
      ).status,
    ).toBe(403);
    await api("PUT", "/api/v1/communication/preferences", {
      token: owner(),
      body: { enabledChannels: ["email", "sms", "whatsapp", "telegram", "voice"] },
    });
  });

  it("reports a provider's refusal as a 502 and records nothing", async () => {
    await configureTwilio(org);
    const lead = await phoneLead(org, { phone: "+15550001234" });
    const res = await send(lead.id, { channel: "sms", body: "Hi" });
    expect(res.status).toBe(502);
    expect(res.json.code).toBe("provider_error");
    const rows = await (
      await getDb()
    )
      .select()
      .from(conversationMessages)
      .where(and(eq(conversationMessages.leadId, lead.id)));
    expect(rows).toEqual([]);
  });

  it("sends email through the mailboxes, on the same conversation", async () => {
    await createMailbox(org.ctx("owner"), {
      name: "Sales",
      fromName: "Sales",
      fromAddress: "sales-channels@example.test",
    });
    const lead = await phoneLead(org);
    const res = await send(lead.id, {
      channel: "email",
      subject: "Your viewing",
      body: "See you at 10.",
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ channel: "email", status: "queued", to: lead.email });
    const [message] = await (
      await getDb()
    )
      .select()
      .from(conversationMessages)
      .where(eq(conversationMessages.id, res.json.messageId));
    expect(message).toMatchObject({ channel: "email", subject: "Your viewing" });
  });

  it("keeps another organization's leads out of reach", async () => {
    const other = await createTestOrg("Channels other");
    const lead = await phoneLead(other);
    const res = await send(lead.id, { channel: "sms", body: "Hi" });
    expect(res.status).toBe(404);
    const prefs = await api("GET", `/api/v1/communication/preferences?leadId=${lead.id}`, {
      token: owner(),
    });
    expect(prefs.status).toBe(404);
  });
});
