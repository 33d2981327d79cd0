import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { emailMessages } from "@/db/schema";
import { startFakeServer, type RecordedRequest } from "@/lib/testing/fake-http-server";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { claimBatch, deliverBatch } from "./deliver-batch";
import { deliverEmail } from "./deliver-email";
import { MAX_ATTACHMENT_BYTES } from "./email-attachments";
import { getEmail } from "./email-outbox";
import { queueEmail } from "./queue-email";
import { localOutboxTransport } from "./transports/local-outbox-transport";
import { resendTransport } from "./transports/resend-transport";
import type { OutgoingEmail } from "./transports/types";

let fake: Awaited<ReturnType<typeof startFakeServer>>;
let org: TestOrg;

/** Resend's API stand-in: one id per message, batch or single. */
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
  org = await createTestOrg("Attachments");
});
afterAll(() => fake.close());

// Every byte value, so an encoding slip (UTF-8, lost NULs, base64 twice) shows.
const bytes = Uint8Array.from({ length: 600 }, (_, i) => (i * 7) % 256);
const file = {
  filename: "report-2026-03-10.xlsx",
  contentType: "application/x-test",
  content: bytes,
};

async function queue(to: string, transport: "local_outbox" | "resend", withFile = true) {
  return queueEmail(await getDb(), {
    organizationId: org.id,
    kind: "system",
    to,
    subject: "Weekly report",
    text: "Attached.",
    transport,
    ...(withFile ? { attachments: [file] } : {}),
  });
}

describe("email attachments", () => {
  it("the local outbox delivers the message with the file's exact bytes and lists it", async () => {
    const db = await getDb();
    const id = await queue("outbox@example.org", "local_outbox");
    const handed: OutgoingEmail[] = [];
    const outbox = {
      ...localOutboxTransport,
      send: (m: OutgoingEmail) => (handed.push(m), localOutboxTransport.send(m)),
    };
    expect(await deliverEmail(db, id, outbox)).toEqual({ status: "sent" });
    expect(handed[0]!.attachments).toHaveLength(1);
    const sent = handed[0]!.attachments![0]!;
    expect([sent.filename, sent.contentType]).toEqual([file.filename, file.contentType]);
    expect(Buffer.from(sent.content).equals(Buffer.from(bytes))).toBe(true);
    const detail = await getEmail(org.ctx("owner"), id);
    expect(detail.status).toBe("sent");
    expect(detail.attachments).toEqual([
      {
        id: expect.any(String),
        filename: file.filename,
        contentType: file.contentType,
        size: 600,
        downloadUrl: expect.stringMatching(new RegExp(`^/api/v1/email-outbox/${id}/attachments/`)),
      },
    ]);
  });

  it("Resend gets the file base64-encoded, in a request of its own (its batch API takes none)", async () => {
    const db = await getDb();
    const plain = await queue("plain0@example.org", "resend", false);
    const withFile = await queue("file@example.org", "resend");
    const plain2 = await queue("plain1@example.org", "resend", false);
    const transport = resendTransport("re_key", fake.url);

    // Claimed from a plain message, the batch leaves the one with a file out …
    const batch = await claimBatch(db, plain);
    expect(batch!.ids.sort()).toEqual([plain, plain2].sort());
    // … whose own run claims it alone and sends it on its own, file included.
    const alone = await claimBatch(db, withFile);
    expect(alone!.ids).toEqual([withFile]);
    const before = fake.requests.length;
    expect(await deliverBatch(db, alone!, transport)).toEqual({ sent: 1, oneByOne: true });
    const [request] = fake.requests.slice(before);
    expect(request!.url).toBe("/emails");
    const body = JSON.parse(request!.body);
    expect(body.to).toBe("file@example.org");
    expect(body.attachments).toEqual([
      {
        filename: file.filename,
        content: Buffer.from(bytes).toString("base64"),
        content_type: file.contentType,
      },
    ]);
    expect(await deliverBatch(db, batch!, transport)).toEqual({ sent: 2, oneByOne: false });
    const batchBody = JSON.parse(fake.requests.at(-1)!.body);
    expect(batchBody.every((m: { attachments?: unknown }) => m.attachments === undefined)).toBe(
      true,
    );
  });

  it("refuses files over the cap (callers send a link instead)", async () => {
    const big = { ...file, content: new Uint8Array(MAX_ATTACHMENT_BYTES + 1) };
    const db = await getDb();
    await expect(
      queueEmail(db, {
        organizationId: org.id,
        kind: "system",
        to: "big@example.org",
        subject: "Too big",
        attachments: [big],
      }),
    ).rejects.toThrow(/Attachments over/);
    // Refused before anything is stored: no message goes out without its file.
    const stored = await db
      .select({ id: emailMessages.id })
      .from(emailMessages)
      .where(and(eq(emailMessages.organizationId, org.id), eq(emailMessages.subject, "Too big")));
    expect(stored).toEqual([]);
  });
});
