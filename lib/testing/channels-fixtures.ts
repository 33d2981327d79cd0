import { and, count, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  communicationBulkSends,
  communicationProviders,
  conversationMessages,
  leads,
} from "@/db/schema";
import { updateChannelProvider } from "@/lib/communication/channel-providers";
import { startBulkSend } from "@/lib/communication/bulk-send";
import { newId } from "@/lib/crypto/ids";
import { env } from "@/lib/env";
import { createLead } from "@/lib/leads/create-lead";
import { startFakeServer, type RecordedRequest } from "./fake-http-server";
import type { TestOrg } from "./fixtures";
import type { OperationFixture, PreparedCall } from "./operation-fixtures";

export const TWILIO_SID = `AC${"0123456789abcdef".repeat(2)}`;
export const TWILIO_TOKEN = "twilio-auth-token-for-tests";
export const TELEGRAM_TOKEN = "123456789:AAtelegram-bot-token-for-tests";

/** Twilio's REST API as far as Leadline uses it: create a message, create a call. */
export function fakeTwilioHandler(req: RecordedRequest) {
  const form = new URLSearchParams(req.body);
  if (form.get("To")?.includes("+1555000")) {
    // Twilio's answer for an impossible number (error 21211).
    return {
      status: 400,
      body: {
        code: 21211,
        message: `The 'To' number ${form.get("To")} is not valid.`,
        status: 400,
      },
    };
  }
  const call = req.url.endsWith("/Calls.json");
  const sid = `${call ? "CA" : "SM"}${newId().replace(/-/g, "")}`;
  return {
    status: 201,
    body: {
      sid,
      account_sid: TWILIO_SID,
      to: form.get("To"),
      from: form.get("From"),
      body: form.get("Body"),
      status: "queued",
    },
  };
}

let message = 1000;
/** The Bot API's sendMessage and setWebhook. */
export function fakeTelegramHandler(req: RecordedRequest) {
  if (!req.url.startsWith(`/bot${TELEGRAM_TOKEN}/`)) {
    return { status: 401, body: { ok: false, error_code: 401, description: "Unauthorized" } };
  }
  const payload = JSON.parse(req.body || "{}") as { chat_id?: string };
  if (req.url.endsWith("/setWebhook")) return { status: 200, body: { ok: true, result: true } };
  if (payload.chat_id === "999") {
    return {
      status: 400,
      body: { ok: false, error_code: 400, description: "Bad Request: chat not found" },
    };
  }
  return {
    status: 200,
    body: { ok: true, result: { message_id: ++message, chat: { id: Number(payload.chat_id) } } },
  };
}

/** Both fakes, with env pointed at them (once per test process). */
let fakes:
  | Promise<{
      twilio: { url: string; requests: RecordedRequest[] };
      telegram: { url: string; requests: RecordedRequest[] };
    }>
  | undefined;
export function channelFakes() {
  fakes ??= (async () => {
    const [twilio, telegram] = await Promise.all([
      startFakeServer(fakeTwilioHandler),
      startFakeServer(fakeTelegramHandler),
    ]);
    env.TWILIO_API_BASE_URL = twilio.url;
    env.TELEGRAM_API_BASE_URL = telegram.url;
    return { twilio, telegram };
  })();
  return fakes;
}

/** Twilio set up for an organization, with numbers for every Twilio channel. */
export async function configureTwilio(org: TestOrg) {
  await channelFakes();
  return updateChannelProvider(org.ctx("owner"), "twilio", {
    accountSid: TWILIO_SID,
    authToken: TWILIO_TOKEN,
    smsNumber: "+14155550100",
    whatsappNumber: "+14155550101",
    voiceNumber: "+14155550102",
  });
}

export async function configureTelegram(org: TestOrg) {
  await channelFakes();
  return updateChannelProvider(org.ctx("owner"), "telegram", {
    botToken: TELEGRAM_TOKEN,
    botUsername: "leadline_test_bot",
  });
}

/** An unassigned lead with a phone number (every role sees it). */
export async function phoneLead(org: TestOrg, extra: Record<string, unknown> = {}) {
  const tail = String(Math.floor(Math.random() * 9_000_000) + 1_000_000);
  return createLead(org.ctx("owner"), {
    firstName: "Texted",
    email: `sms-${newId().slice(-12)}@example.test`,
    phone: `+4420${tail}`,
    ownerId: null,
    ...extra,
  });
}

const leadMessages = async (_org: TestOrg, call: PreparedCall) => {
  const db = await getDb();
  const leadId = call.params!.leadId!;
  const [messages] = await db
    .select({ n: count() })
    .from(conversationMessages)
    .where(eq(conversationMessages.leadId, leadId));
  const [lead] = await db
    .select({ lastContactedAt: leads.lastContactedAt })
    .from(leads)
    .where(eq(leads.id, leadId));
  return { messages: messages!.n, lead };
};

const providersOf = async (org: TestOrg) =>
  (await getDb())
    .select({ provider: communicationProviders.provider, config: communicationProviders.config })
    .from(communicationProviders)
    .where(eq(communicationProviders.organizationId, org.id));

/** How to call the communication routes (see OPERATION_FIXTURES). */
export const CHANNELS_FIXTURES: Record<string, OperationFixture> = {
  "POST /api/v1/communication/preferences": {
    prepare: async (org) => ({
      body: { leadId: (await phoneLead(org)).id, consent: { sms: "granted" } },
    }),
  },
  "PUT /api/v1/communication/preferences": {
    prepare: async (org) => ({
      body: { leadId: (await phoneLead(org)).id, preferredChannel: "sms" },
    }),
  },
  "POST /api/v1/communication/send/{leadId}": {
    prepare: async (org) => {
      await configureTwilio(org);
      return {
        params: { leadId: (await phoneLead(org)).id },
        body: { channel: "sms", body: "Your viewing is confirmed for 10:00." },
      };
    },
    snapshot: leadMessages,
  },
  "POST /api/v1/communication/send-bulk": {
    prepare: async (org) => {
      await configureTwilio(org);
      return {
        body: {
          channel: "sms",
          leadIds: [(await phoneLead(org)).id],
          body: "Open house Saturday.",
        },
      };
    },
  },
  "GET /api/v1/communication/send-bulk/{id}": {
    prepare: async (org) => {
      await configureTwilio(org);
      const bulk = await startBulkSend(org.ctx("owner"), {
        channel: "sms",
        leadIds: [(await phoneLead(org)).id],
        body: "Open house Saturday.",
      });
      return { params: { id: bulk.id } };
    },
    snapshot: async (org, call) =>
      (await getDb())
        .select()
        .from(communicationBulkSends)
        .where(
          and(
            eq(communicationBulkSends.organizationId, org.id),
            eq(communicationBulkSends.id, call.params!.id!),
          ),
        ),
  },
  "PUT /api/v1/settings/channels/{provider}": {
    crossTenant: false,
    prepare: async () => ({
      params: { provider: "twilio" },
      body: { accountSid: TWILIO_SID, authToken: TWILIO_TOKEN, smsNumber: "+14155550100" },
    }),
    snapshot: providersOf,
  },
  "DELETE /api/v1/settings/channels/{provider}": {
    crossTenant: false,
    prepare: async (org) => {
      await configureTwilio(org);
      return { params: { provider: "twilio" } };
    },
    snapshot: providersOf,
  },
};
