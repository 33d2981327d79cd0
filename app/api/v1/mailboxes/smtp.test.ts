import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { emailMessages, mailboxes } from "@/db/schema";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { runPendingJobs } from "@/lib/testing/jobs";

/** A real SMTP server on loopback (the `smtp-server` package) that keeps what it receives. */
const received: { from: string; to: string[]; data: string }[] = [];
const server = new SMTPServer({
  disabledCommands: ["STARTTLS"],
  allowInsecureAuth: true,
  onAuth(auth, _session, callback) {
    if (auth.username === "sales" && auth.password === "s3cret pass")
      callback(null, { user: "sales" });
    else callback(Object.assign(new Error("Invalid login"), { responseCode: 535 }));
  },
  onData(stream, session, callback) {
    let data = "";
    stream.on("data", (chunk: Buffer) => (data += chunk.toString("utf8")));
    stream.on("end", () => {
      received.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
        to: session.envelope.rcptTo.map((r) => r.address),
        data,
      });
      callback();
    });
  },
});
let port = 0;
let org: TestOrg;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  port = (server.server.address() as AddressInfo).port;
  org = await createTestOrg("SMTP");
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const smtpMailbox = (address: string, password: string) =>
  api("POST", "/api/v1/mailboxes", {
    token: org.members.admin.token,
    body: {
      name: address,
      fromName: "Northwind Sales",
      fromAddress: address,
      transport: "smtp",
      smtpHost: "127.0.0.1",
      smtpPort: port,
      smtpSecure: false,
      smtpUsername: "sales",
      smtpPassword: password,
    },
  });

describe("SMTP mailboxes", () => {
  it("needs the server and login, stores the password sealed and never returns it", async () => {
    const incomplete = await api("POST", "/api/v1/mailboxes", {
      token: org.members.admin.token,
      body: { name: "x", fromName: "X", fromAddress: "x@example.test", transport: "smtp" },
    });
    expect(incomplete.status).toBe(400);
    expect(incomplete.json.errors.map((e: { path: string }) => e.path)).toEqual([
      "smtpHost",
      "smtpPort",
      "smtpUsername",
      "smtpPassword",
    ]);
    const created = await smtpMailbox("sales@example.test", "s3cret pass");
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      transport: "smtp",
      smtpPasswordSet: true,
      smtpPort: port,
    });
    expect(JSON.stringify(created.json)).not.toContain("s3cret");
    const [row] = await (
      await getDb()
    )
      .select()
      .from(mailboxes)
      .where(eq(mailboxes.id, created.json.id));
    expect(row!.smtpPasswordEncrypted).not.toContain("s3cret");
  });

  it("delivers a test message through the mailbox's own SMTP server", async () => {
    const [mailbox] = (await api("GET", "/api/v1/mailboxes", { token: org.members.admin.token }))
      .json.data;
    const res = await api("POST", "/api/v1/settings/email/test", {
      token: org.members.admin.token,
      body: { mailboxId: mailbox.id, to: "lead@example.test" },
    });
    expect(res.status).toBe(202);
    await runPendingJobs();
    const mail = received.find((m) => m.to.includes("lead@example.test"));
    expect(mail?.from).toBe("sales@example.test");
    expect(mail?.data).toContain(`Message-ID: <${res.json.emailMessageId}@leadline>`);
    const [message] = await (
      await getDb()
    )
      .select()
      .from(emailMessages)
      .where(eq(emailMessages.id, res.json.emailMessageId));
    expect(message).toMatchObject({ status: "sent", transport: "smtp" });
  });

  it("records a refused login as a permanent failure with the server's reason", async () => {
    const wrong = (await smtpMailbox("ops@example.test", "wrong password")).json;
    const res = await api("POST", "/api/v1/settings/email/test", {
      token: org.members.admin.token,
      body: { mailboxId: wrong.id, to: "lead2@example.test" },
    });
    await runPendingJobs();
    const [message] = await (
      await getDb()
    )
      .select()
      .from(emailMessages)
      .where(eq(emailMessages.id, res.json.emailMessageId));
    expect(message!.status).toBe("failed");
    expect(message!.error).toMatch(/SMTP 535/);
    expect(received.some((m) => m.to.includes("lead2@example.test"))).toBe(false);
  });
});
