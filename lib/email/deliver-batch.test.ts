import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { emailMessages } from "@/db/schema";
import { startFakeServer, type RecordedRequest } from "@/lib/testing/fake-http-server";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { claimBatch, deliverBatch } from "./deliver-batch";
import { queueEmail } from "./queue-email";
import { resendTransport } from "./transports/resend-transport";

let fake: Awaited<ReturnType<typeof startFakeServer>>;
let org: TestOrg;

/** A stand-in for Resend's API: /emails/batch answers one id per message, /emails one id. */
function resendApi(req: RecordedRequest) {
  const body = JSON.parse(req.body || "null");
  if (req.url === "/emails/batch") {
    return {
      status: 200,
      body: { data: body.map((_: unknown, i: number) => ({ id: `re_b${i}` })) },
    };
  }
  return { status: 200, body: { id: `re_${body.to}` } };
}

beforeAll(async () => {
  fake = await startFakeServer(resendApi);
  org = await createTestOrg("Batch");
});
afterAll(() => fake.close());

async function queue(count: number, label: string) {
  const db = await getDb();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(
      await queueEmail(db, {
        organizationId: org.id,
        kind: "campaign",
        to: `${label}${i}@example.org`,
        subject: `Hi ${i}`,
        html: "<p>Hi</p>",
        transport: "resend",
      }),
    );
  }
  return ids;
}

async function rows(ids: string[]) {
  const db = await getDb();
  return db.select().from(emailMessages).where(inArray(emailMessages.id, ids));
}

const transport = () => resendTransport("re_key", fake.url);

describe("Resend batch delivery", () => {
  it("sends waiting messages in one batch request, once", async () => {
    const db = await getDb();
    const ids = await queue(3, "batch");
    const batch = await claimBatch(db, ids[0]!);
    expect(batch!.ids.sort()).toEqual([...ids].sort());
    // The other messages' own runs find them taken.
    expect(await claimBatch(db, ids[1]!)).toBeNull();

    const before = fake.requests.length;
    expect(await deliverBatch(db, batch!, transport())).toEqual({ sent: 3, oneByOne: false });
    const requests = fake.requests.slice(before);
    expect(requests.map((r) => r.url)).toEqual(["/emails/batch"]);
    expect(JSON.parse(requests[0]!.body)).toHaveLength(3);
    expect(requests[0]!.headers["idempotency-key"]).toMatch(/^batch-[0-9a-f]{40}$/);
    const stored = await rows(ids);
    expect(
      stored.every((m) => m.status === "sent" && m.providerMessageId?.startsWith("re_b")),
    ).toBe(true);

    // A retried step has nothing left to send.
    expect(await deliverBatch(db, batch!, transport())).toEqual({ sent: 0, oneByOne: false });
    expect(fake.requests.length).toBe(before + 1);
  });

  it("retries a failed batch under the same key", async () => {
    const db = await getDb();
    const ids = await queue(2, "retry");
    const batch = await claimBatch(db, ids[0]!);
    fake.setHandler(() => ({ status: 500, body: { name: "internal_server_error", message: "x" } }));
    const before = fake.requests.length;
    await expect(deliverBatch(db, batch!, transport())).rejects.toThrow(/internal_server_error/);
    expect((await rows(ids)).every((m) => m.status === "queued")).toBe(true);
    fake.setHandler(resendApi);
    await deliverBatch(db, batch!, transport());
    const keys = fake.requests.slice(before).map((r) => r.headers["idempotency-key"]);
    expect(new Set(keys).size).toBe(1);
    expect((await rows(ids)).every((m) => m.status === "sent")).toBe(true);
  });

  it("falls back to one by one when the provider refuses the batch, failing only the bad one", async () => {
    const db = await getDb();
    const ids = await queue(3, "refused");
    const batch = await claimBatch(db, ids[0]!);
    fake.setHandler((req) => {
      const body = JSON.parse(req.body);
      const invalid = { status: 422, body: { name: "validation_error", message: "Invalid `to`" } };
      if (req.url === "/emails/batch") return invalid;
      return body.to === "refused1@example.org" ? invalid : resendApi(req);
    });
    expect(await deliverBatch(db, batch!, transport())).toEqual({ sent: 2, oneByOne: true });
    fake.setHandler(resendApi);
    const byTo = Object.fromEntries((await rows(ids)).map((m) => [m.toAddress, m]));
    expect(byTo["refused0@example.org"]!.status).toBe("sent");
    expect(byTo["refused1@example.org"]).toMatchObject({ status: "failed" });
    expect(byTo["refused1@example.org"]!.error).toMatch(/validation_error/);
    expect(byTo["refused2@example.org"]!.providerMessageId).toBe("re_refused2@example.org");
  });
});
