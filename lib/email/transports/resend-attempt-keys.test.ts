import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeServer } from "@/lib/testing/fake-http-server";
import { batchKey } from "../deliver-batch";
import { RESEND_MESSAGE_TAG, resendTransport } from "./resend-transport";
import { smtpTransport } from "./smtp-transport";
import { providerKey } from "./types";

/** Each attempt at a message (first send, resends after soft bounces) reaches providers anew. */

const id = "0193c3a0-0000-7000-8000-0000000000aa";
const message = {
  id,
  from: "sales@example.com",
  to: "lead@example.org",
  subject: "Hello",
  text: "Hi",
};

let fake: Awaited<ReturnType<typeof startFakeServer>>;
const received: string[] = [];
const smtp = new SMTPServer({
  disabledCommands: ["STARTTLS"],
  allowInsecureAuth: true,
  onAuth: (_auth, _session, callback) => callback(null, { user: "sales" }),
  onData(stream, _session, callback) {
    let data = "";
    stream.on("data", (chunk: Buffer) => (data += chunk.toString("utf8")));
    stream.on("end", () => {
      received.push(data);
      callback();
    });
  },
});
let smtpPort = 0;

beforeAll(async () => {
  fake = await startFakeServer(() => ({ status: 200, body: { id: "re_1" } }));
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  smtpPort = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await fake.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe("provider keys per attempt", () => {
  it("is the message id first, then one key per resend", () => {
    expect(providerKey(id)).toBe(id);
    expect(providerKey(id, 0)).toBe(id);
    expect(providerKey(id, 1)).toBe(`${id}.r1`);
    expect(providerKey(id, 2)).toBe(`${id}.r2`);
  });

  it("Resend gets a new Idempotency-Key for a resend, and the same tag (our message id)", async () => {
    const transport = resendTransport("re_key", fake.url);
    await transport.send({ ...message, idempotencyKey: providerKey(id, 0) });
    await transport.send({ ...message, idempotencyKey: providerKey(id, 1) });
    const [first, second] = fake.requests.slice(-2);
    expect(first!.headers["idempotency-key"]).toBe(id);
    expect(second!.headers["idempotency-key"]).toBe(`${id}.r1`);
    for (const req of [first!, second!]) {
      expect(JSON.parse(req.body).tags).toEqual([{ name: RESEND_MESSAGE_TAG, value: id }]);
    }
  });

  it("SMTP gives a resend its own Message-ID", async () => {
    const transport = () =>
      smtpTransport({
        host: "127.0.0.1",
        port: smtpPort,
        secure: false,
        username: "sales",
        password: "x",
      });
    await transport().send(message);
    await transport().send({ ...message, idempotencyKey: providerKey(id, 2) });
    const ids = received.slice(-2).map((data) => /^Message-ID: (.*)$/im.exec(data)?.[1]?.trim());
    expect(ids).toEqual([`<${id}@leadline>`, `<${id}.r2@leadline>`]);
  });

  it("a batch holding a resend has a key of its own", () => {
    const other = "0193c3a0-0000-7000-8000-0000000000bb";
    const firstTry = batchKey([
      { id, resendAttempts: 0 },
      { id: other, resendAttempts: 0 },
    ]);
    expect(
      batchKey([
        { id: other, resendAttempts: 0 },
        { id, resendAttempts: 0 },
      ]),
    ).toBe(firstTry);
    expect(
      batchKey([
        { id, resendAttempts: 1 },
        { id: other, resendAttempts: 0 },
      ]),
    ).not.toBe(firstTry);
  });
});
