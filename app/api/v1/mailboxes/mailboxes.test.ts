import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { runPendingJobs } from "@/lib/testing/jobs";

let org: TestOrg;
const admin = () => org.members.admin.token;
const body = (address: string, extra: Record<string, unknown> = {}) => ({
  name: address.split("@")[0],
  fromName: "Northwind Realty",
  fromAddress: address,
  ...extra,
});

beforeAll(async () => {
  org = await createTestOrg("Mailboxes");
});

describe("mailboxes", () => {
  it("keeps exactly one default, the first mailbox included", async () => {
    const first = await api("POST", "/api/v1/mailboxes", {
      token: admin(),
      body: body("Sales@Example.test", { signatureHtml: "<p>— Sales</p>" }),
    });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({
      fromAddress: "sales@example.test",
      isDefault: true,
      transport: "local_outbox",
      dailyCap: 200,
      hourlyCap: 50,
    });
    const second = (
      await api("POST", "/api/v1/mailboxes", { token: admin(), body: body("ops@example.test") })
    ).json;
    expect(second.isDefault).toBe(false);

    const promoted = await api("PATCH", `/api/v1/mailboxes/${second.id}`, {
      token: admin(),
      body: { isDefault: true },
    });
    expect(promoted.json.isDefault).toBe(true);
    const list = (await api("GET", "/api/v1/mailboxes", { token: org.members.rep.token })).json;
    expect(
      list.data.filter((m: { isDefault: boolean }) => m.isDefault).map((m: { id: string }) => m.id),
    ).toEqual([second.id]);
    const undefault = await api("PATCH", `/api/v1/mailboxes/${second.id}`, {
      token: admin(),
      body: { isDefault: false },
    });
    expect(undefault.status).toBe(422);

    // Deleting the default hands the role to the one that is left.
    expect((await api("DELETE", `/api/v1/mailboxes/${second.id}`, { token: admin() })).status).toBe(
      204,
    );
    expect(
      (await api("GET", `/api/v1/mailboxes/${first.json.id}`, { token: admin() })).json.isDefault,
    ).toBe(true);
  });

  it("validates addresses, caps and transports, and refuses a second mailbox on one address", async () => {
    const clash = await api("POST", "/api/v1/mailboxes", {
      token: admin(),
      body: body("sales@example.test"),
    });
    expect(clash.status).toBe(409);
    expect(clash.json.errors).toEqual([
      { path: "fromAddress", message: "Already used by another mailbox" },
    ]);
    const bad = await api("POST", "/api/v1/mailboxes", {
      token: admin(),
      body: body("not-an-address", { dailyCap: 0, transport: "pigeon" }),
    });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "dailyCap",
      "fromAddress",
      "transport",
    ]);
    const caps = await api("POST", "/api/v1/mailboxes", {
      token: admin(),
      body: body("caps@example.test", { dailyCap: 10, hourlyCap: 20 }),
    });
    expect(caps.json.errors).toEqual([{ path: "hourlyCap", message: "At most the daily cap" }]);
    // Without RESEND_API_KEY the installation can't send through Resend: said up front.
    const resend = await api("POST", "/api/v1/mailboxes", {
      token: admin(),
      body: body("resend@example.test", { transport: "resend" }),
    });
    expect(resend.status).toBe(422);
    expect(resend.json.errors[0].path).toBe("transport");
    const rep = await api("POST", "/api/v1/mailboxes", {
      token: org.members.rep.token,
      body: body("rep@example.test"),
    });
    expect(rep.status).toBe(403);
  });
});

describe("email settings", () => {
  it("reads defaults, saves changes and switches the default mailbox", async () => {
    const initial = (await api("GET", "/api/v1/settings/email", { token: admin() })).json;
    expect(initial).toMatchObject({ trackOpens: true, trackClicks: true, postalAddress: null });
    const ops = (
      await api("POST", "/api/v1/mailboxes", { token: admin(), body: body("hello@example.test") })
    ).json;
    const saved = await api("PUT", "/api/v1/settings/email", {
      token: admin(),
      body: { trackOpens: false, postalAddress: "1 Harbour St, Bristol", defaultMailboxId: ops.id },
    });
    expect(saved.json).toMatchObject({
      trackOpens: false,
      trackClicks: true,
      postalAddress: "1 Harbour St, Bristol",
      defaultMailboxId: ops.id,
    });
    const other = await createTestOrg("Mailboxes elsewhere");
    const foreign = await api("PUT", "/api/v1/settings/email", {
      token: other.members.admin.token,
      body: { defaultMailboxId: ops.id },
    });
    expect(foreign.status).toBe(400);
    expect(foreign.json.errors[0].path).toBe("defaultMailboxId");
  });

  it("sends a test message from the default mailbox to the caller, into the outbox", async () => {
    const res = await api("POST", "/api/v1/settings/email/test", { token: admin(), body: {} });
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({ to: org.members.admin.email, transport: "local_outbox" });
    await runPendingJobs();
    const message = (
      await api("GET", `/api/v1/email-outbox/${res.json.emailMessageId}`, { token: admin() })
    ).json;
    expect(message).toMatchObject({
      from: '"Northwind Realty" <hello@example.test>',
      to: org.members.admin.email,
      kind: "test",
      transport: "local_outbox",
      status: "sent",
    });
    const empty = await createTestOrg("No mailbox");
    const none = await api("POST", "/api/v1/settings/email/test", {
      token: empty.members.admin.token,
      body: {},
    });
    expect(none.status).toBe(422);
  });
});
