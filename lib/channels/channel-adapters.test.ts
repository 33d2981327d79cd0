import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "@/lib/context";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { startFakeServer } from "@/lib/testing/fake-http-server";
import {
  fakeTelegramHandler,
  fakeTwilioHandler,
  TELEGRAM_TOKEN,
  TWILIO_SID,
  TWILIO_TOKEN,
} from "@/lib/testing/channels-fixtures";
import { telegramAdapter } from "./telegram-adapter";
import { twilioSmsAdapter, twilioVoiceAdapter, twilioWhatsappAdapter } from "./twilio-adapters";

/** The real twilio SDK and fetch, over real HTTP, against local fakes of both APIs. */
let twilio: Awaited<ReturnType<typeof startFakeServer>>;
let telegram: Awaited<ReturnType<typeof startFakeServer>>;
const saved = { twilio: env.TWILIO_API_BASE_URL, telegram: env.TELEGRAM_API_BASE_URL };
const context = { ctx: {} as Ctx, leadId: "00000000-0000-0000-0000-000000000000" };
const credentials = { accountSid: TWILIO_SID, authToken: TWILIO_TOKEN };

beforeAll(async () => {
  twilio = await startFakeServer(fakeTwilioHandler);
  telegram = await startFakeServer(fakeTelegramHandler);
  env.TWILIO_API_BASE_URL = twilio.url;
  env.TELEGRAM_API_BASE_URL = telegram.url;
});

afterAll(async () => {
  env.TWILIO_API_BASE_URL = saved.twilio;
  env.TELEGRAM_API_BASE_URL = saved.telegram;
  await Promise.all([twilio.close(), telegram.close()]);
});

const lastTwilio = () => {
  const req = twilio.requests.at(-1)!;
  return { ...req, form: new URLSearchParams(req.body) };
};

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("Twilio adapters", () => {
  it("sends an SMS through the Messages API with the account's basic auth", async () => {
    const result = await twilioSmsAdapter(credentials, "+14155550100").send(context, {
      to: "+447700900123",
      body: "Viewing confirmed for 10:00",
    });
    expect(result).toMatchObject({ status: "sent", fromAddress: "+14155550100" });
    expect(result.externalId).toMatch(/^SM/);
    const req = lastTwilio();
    expect(req.method).toBe("POST");
    expect(req.url).toBe(`/2010-04-01/Accounts/${TWILIO_SID}/Messages.json`);
    expect(req.headers.authorization).toBe(
      `Basic ${Buffer.from(`${TWILIO_SID}:${TWILIO_TOKEN}`).toString("base64")}`,
    );
    expect(Object.fromEntries(req.form)).toMatchObject({
      To: "+447700900123",
      From: "+14155550100",
      Body: "Viewing confirmed for 10:00",
    });
  });

  it("prefixes both WhatsApp addresses", async () => {
    await twilioWhatsappAdapter(credentials, "+14155550101").send(context, {
      to: "+447700900123",
      body: "Hello on WhatsApp",
    });
    const req = lastTwilio();
    expect(req.form.get("To")).toBe("whatsapp:+447700900123");
    expect(req.form.get("From")).toBe("whatsapp:+14155550101");
  });

  it("places a call that speaks the body with TwiML <Say>, escaped", async () => {
    const result = await twilioVoiceAdapter(credentials, "+14155550102").send(context, {
      to: "+447700900123",
      body: "Your viewing is at 10 & the agent is Sam <3",
    });
    expect(result.externalId).toMatch(/^CA/);
    const req = lastTwilio();
    expect(req.url).toBe(`/2010-04-01/Accounts/${TWILIO_SID}/Calls.json`);
    expect(req.form.get("Twiml")).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Say>Your viewing is at 10 &amp; the agent is Sam &lt;3</Say></Response>',
    );
  });

  it("turns Twilio's refusal into a provider_error carrying Twilio's message and code", async () => {
    const error = await rejection(
      twilioSmsAdapter(credentials, "+14155550100").send(context, {
        to: "+15550001111",
        body: "x",
      }),
    );
    expect(isAppError(error) && error.code).toBe("provider_error");
    expect((error as Error).message).toContain("is not valid");
    expect(isAppError(error) && error.extra).toMatchObject({
      provider: "Twilio",
      providerCode: 21211,
    });
  });
});

describe("Telegram adapter", () => {
  it("calls sendMessage with the chat id and text", async () => {
    const result = await telegramAdapter(TELEGRAM_TOKEN, "leadline_bot").send(context, {
      to: "4242",
      body: "Hello from the bot",
    });
    expect(result).toMatchObject({ status: "sent", fromAddress: "@leadline_bot" });
    expect(result.externalId).toMatch(/^4242:\d+$/);
    const req = telegram.requests.at(-1)!;
    expect(req.url).toBe(`/bot${TELEGRAM_TOKEN}/sendMessage`);
    expect(JSON.parse(req.body)).toEqual({ chat_id: "4242", text: "Hello from the bot" });
  });

  it("reports Telegram's refusal and a wrong token as provider errors", async () => {
    const missing = await rejection(
      telegramAdapter(TELEGRAM_TOKEN).send(context, { to: "999", body: "x" }),
    );
    expect(isAppError(missing) && missing.code).toBe("provider_error");
    expect((missing as Error).message).toContain("chat not found");
    const wrong = await rejection(
      telegramAdapter("1:wrong-token-wrong-token-wrong").send(context, { to: "1", body: "x" }),
    );
    expect((wrong as Error).message).toContain("Unauthorized");
  });
});
