import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeServer } from "@/lib/testing/fake-http-server";
import { RESEND_MESSAGE_TAG, resendTransport } from "./resend-transport";
import { PermanentSendError } from "./types";

let fake: Awaited<ReturnType<typeof startFakeServer>>;

beforeAll(async () => {
  fake = await startFakeServer(() => ({ status: 200, body: { id: "re_123" } }));
});
afterAll(() => fake.close());

const message = {
  id: "0193c3a0-0000-7000-8000-000000000001",
  from: '"Ada" <ada@example.com>',
  to: "lead@example.org",
  subject: "Hello",
  html: "<p>Hi</p>",
  headers: {
    "List-Unsubscribe": "<https://app.example/unsubscribe/t>",
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  },
};

// The real Resend SDK against a local stand-in for its HTTP API.
describe("Resend transport", () => {
  it("sends with our message id as idempotency key and tag, and passes the unsubscribe headers", async () => {
    const transport = resendTransport("re_test_key", fake.url);
    await expect(transport.send(message)).resolves.toEqual({ providerMessageId: "re_123" });
    const req = fake.requests.at(-1)!;
    expect(req.method).toBe("POST");
    expect(req.url).toBe("/emails");
    expect(req.headers["authorization"]).toBe("Bearer re_test_key");
    expect(req.headers["idempotency-key"]).toBe(message.id);
    const body = JSON.parse(req.body);
    expect(body).toMatchObject({
      from: message.from,
      to: message.to,
      subject: "Hello",
      headers: message.headers,
      tags: [{ name: RESEND_MESSAGE_TAG, value: message.id }],
    });
  });

  it("treats a validation error as permanent and a server error as retryable", async () => {
    const transport = resendTransport("re_test_key", fake.url);
    fake.setHandler(() => ({
      status: 422,
      body: { statusCode: 422, name: "validation_error", message: "Invalid `to` field." },
    }));
    await expect(transport.send(message)).rejects.toBeInstanceOf(PermanentSendError);
    fake.setHandler(() => ({
      status: 500,
      body: { statusCode: 500, name: "internal_server_error", message: "boom" },
    }));
    const error = await transport.send(message).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(PermanentSendError);
  });
});
