import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLogs, campaignRecipients, campaigns } from "@/db/schema";
import { createLead } from "@/lib/leads/create-lead";
import { createMailbox } from "@/lib/mailboxes/mailboxes";
import { createTemplate } from "@/lib/templates/templates";
import { api } from "@/lib/testing/api-client";
import { campaignBody } from "@/lib/testing/campaign-fixtures";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";

let org: TestOrg;
let other: TestOrg;
const tag = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 6);

async function create(token: string, body: Record<string, unknown> = campaignBody()) {
  const res = await api("POST", "/api/v1/campaigns", { token, body });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json;
}

const mailboxIn = async (o: TestOrg) =>
  (await createMailbox(o.ctx("owner"), {
    name: `Box ${tag()}`,
    fromName: "Sales",
    fromAddress: `box-${tag()}@example.test`,
  }))!;

beforeAll(async () => {
  org = await createTestOrg("Campaigns");
  other = await createTestOrg("Campaigns other");
});

describe("campaign CRUD", () => {
  it("creates a draft owned by the caller with ids on steps and variants, then reads it", async () => {
    const made = await create(org.members.rep.token, {
      ...campaignBody(),
      steps: [
        { variants: [{ subject: "One", html: "<p>1</p>" }] },
        {
          id: "keep-me",
          delayDays: 2,
          variants: [
            { subject: "A", html: "<p>a</p>", weight: 70 },
            { id: "b", label: "Short", subject: "B", html: "<p>b</p>", weight: 30 },
          ],
        },
      ],
    });
    expect(made).toMatchObject({
      status: "draft",
      owner: { id: org.members.rep.id },
      sendWindow: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" },
      timezone: "UTC",
      dailyLimit: 200,
      allowConcurrentCampaigns: false,
      recipients: { total: 0, queued: 0, removed: 0 },
      launchedAt: null,
    });
    expect(made.steps[0].id).toMatch(/^[0-9a-f-]{36}$/);
    expect(made.steps[0].variants[0]).toMatchObject({ label: "A", weight: 50, text: null });
    expect(made.steps[1]).toMatchObject({ id: "keep-me", delayDays: 2, delayHours: 0 });
    expect(made.steps[1].variants.map((v: { label: string }) => v.label)).toEqual(["A", "Short"]);
    expect(made.steps[1].variants[1].id).toBe("b");

    const got = await api("GET", `/api/v1/campaigns/${made.id}`, {
      token: org.keys.integration.secret,
    });
    expect(got.status).toBe(200);
    expect(got.json).toEqual(made);
    const [audit] = await (
      await getDb()
    )
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.resourceId, made.id), eq(auditLogs.action, "campaign.created")));
    expect(audit).toBeDefined();
  });

  it("an API key's campaign has no owner unless one is given", async () => {
    const made = await create(org.keys.integration.secret);
    expect(made.owner).toBeNull();
    const owned = await create(org.keys.integration.secret, {
      ...campaignBody(),
      ownerId: org.members.manager.id,
    });
    expect(owned.owner).toEqual({ id: org.members.manager.id, name: expect.any(String) });
  });

  it("patches some fields, replaces with PUT (defaults for left-out ones), keeps step ids", async () => {
    const token = org.members.manager.token;
    const made = await create(token);
    const stepId = made.steps[0].id;
    const patched = await api("PATCH", `/api/v1/campaigns/${made.id}`, {
      token,
      body: {
        name: "Renamed",
        description: "About",
        sendWindow: { days: [5, 1, 1], start: "08:30", end: "12:00" },
        timezone: "Europe/Berlin",
        dailyLimit: 50,
        steps: [{ id: stepId, variants: [{ subject: "New", html: "<p>n</p>" }] }, ...[]],
      },
    });
    expect(patched.status, JSON.stringify(patched.json)).toBe(200);
    expect(patched.json).toMatchObject({
      name: "Renamed",
      description: "About",
      sendWindow: { days: [1, 5], start: "08:30", end: "12:00" },
      timezone: "Europe/Berlin",
      dailyLimit: 50,
    });
    expect(patched.json.steps[0].id).toBe(stepId);
    expect(patched.json.steps[0].variants[0].subject).toBe("New");

    const put = await api("PUT", `/api/v1/campaigns/${made.id}`, {
      token,
      body: { name: "Replaced" },
    });
    expect(put.json).toMatchObject({
      name: "Replaced",
      description: null,
      steps: [],
      timezone: "UTC",
      dailyLimit: 200,
      owner: { id: org.members.manager.id },
    });
    expect((await api("PUT", `/api/v1/campaigns/${made.id}`, { token, body: {} })).status).toBe(
      400,
    );
  });

  it("lists with search, status and owner filters, sorts, pages, and counts recipients", async () => {
    const token = org.members.admin.token;
    const word = `Findme${tag()}`;
    const a = await create(token, { ...campaignBody(), name: `${word} Alpha` });
    const b = await create(token, { ...campaignBody(), name: `${word} Beta`, ownerId: null });
    const lead = await createLead(org.ctx("owner"), {
      firstName: "Counted",
      email: `counted-${tag()}@example.test`,
      ownerId: null,
    });
    await api("POST", `/api/v1/campaigns/${a.id}/recipients`, {
      token,
      body: { leadIds: [lead.id] },
    });

    const list = await api("GET", `/api/v1/campaigns?q=${word}&sort=name`, { token });
    expect(list.status).toBe(200);
    expect(list.headers.get("x-total-count")).toBe("2");
    expect(list.json.data.map((c: { id: string }) => c.id)).toEqual([a.id, b.id]);
    expect(list.json.data[0].recipients).toMatchObject({ queued: 1, total: 1 });
    expect(list.json.data[1].recipients.total).toBe(0);

    const desc = await api("GET", `/api/v1/campaigns?q=${word}&sort=-name&perPage=1`, { token });
    expect(desc.json.data[0].id).toBe(b.id);
    const next = await api("GET", `/api/v1/campaigns?q=${word}&sort=-name&perPage=1`, {
      token,
      query: { cursor: desc.json.pagination.nextCursor },
    });
    expect(next.json.data[0].id).toBe(a.id);

    // The default order (newest first) pages by cursor too.
    const newest = await api("GET", `/api/v1/campaigns?q=${word}&perPage=1&sort=-createdAt`, {
      token,
    });
    const older = await api("GET", `/api/v1/campaigns?q=${word}&perPage=1&sort=-createdAt`, {
      token,
      query: { cursor: newest.json.pagination.nextCursor },
    });
    expect([newest.json.data[0].id, older.json.data[0]?.id]).toEqual([b.id, a.id]);

    const mine = await api(
      "GET",
      `/api/v1/campaigns?q=${word}&ownerId=${org.members.admin.id}&status=draft`,
      { token },
    );
    expect(mine.json.data.map((c: { id: string }) => c.id)).toEqual([a.id]);
    expect((await api("GET", "/api/v1/campaigns?status=running", { token })).status).toBe(400);
    expect((await api("GET", "/api/v1/campaigns?sort=secret", { token })).status).toBe(400);
    expect((await api("GET", "/api/v1/campaigns?color=red", { token })).status).toBe(400);
  });

  it("deletes a draft (and its recipients) but refuses active and paused campaigns", async () => {
    const token = org.members.rep.token;
    const made = await create(token);
    const db = await getDb();
    for (const status of ["active", "paused", "scheduled"] as const) {
      await db.update(campaigns).set({ status }).where(eq(campaigns.id, made.id));
      const res = await api("DELETE", `/api/v1/campaigns/${made.id}`, { token });
      expect(res.status).toBe(409);
      expect(res.json).toMatchObject({ code: "conflict", campaignStatus: status });
    }
    await db.update(campaigns).set({ status: "stopped" }).where(eq(campaigns.id, made.id));
    expect((await api("DELETE", `/api/v1/campaigns/${made.id}`, { token })).status).toBe(204);
    expect((await api("GET", `/api/v1/campaigns/${made.id}`, { token })).status).toBe(404);
    expect((await api("DELETE", `/api/v1/campaigns/${made.id}`, { token })).status).toBe(404);
  });

  it("duplicates as a draft copy with fresh step ids and no recipients", async () => {
    const token = org.members.rep.token;
    const mailbox = await mailboxIn(org);
    const source = await create(token, {
      ...campaignBody(),
      name: "Original",
      mailboxIds: [mailbox.id],
      dailyLimit: 42,
      allowConcurrentCampaigns: true,
    });
    const lead = await createLead(org.ctx("owner"), {
      firstName: "Dup",
      email: `dup-${tag()}@example.test`,
      ownerId: null,
    });
    await api("POST", `/api/v1/campaigns/${source.id}/recipients`, {
      token,
      body: { leadIds: [lead.id] },
    });
    await (
      await getDb()
    )
      .update(campaigns)
      .set({ status: "active" })
      .where(eq(campaigns.id, source.id));

    const copy = await api("POST", `/api/v1/campaigns/${source.id}/duplicate`, {
      token: org.members.manager.token,
    });
    expect(copy.status).toBe(201);
    expect(copy.headers.get("location")).toBe(`/api/v1/campaigns/${copy.json.id}`);
    expect(copy.json).toMatchObject({
      name: "Original (copy)",
      status: "draft",
      mailboxIds: [mailbox.id],
      dailyLimit: 42,
      allowConcurrentCampaigns: true,
      owner: { id: org.members.manager.id },
      recipients: { total: 0 },
    });
    expect(copy.json.steps[0].id).not.toBe(source.steps[0].id);
    expect(copy.json.steps[0].variants[0].id).not.toBe(source.steps[0].variants[0].id);
    expect(copy.json.steps[0].variants[0].subject).toBe(source.steps[0].variants[0].subject);
  });
});

describe("seed 001's short form", () => {
  it("makes the first step from subjectLine and template and adds the leads, excluding with reasons", async () => {
    const ctx = org.ctx("rep");
    const lead = await createLead(ctx, { firstName: "Ada", email: `ada-${tag()}@example.test` });
    const dnc = await createLead(ctx, {
      firstName: "Bo",
      email: `bo-${tag()}@example.test`,
      doNotContact: true,
    });
    const made = await create(org.members.rep.token, {
      name: `Short form ${tag()}`,
      subjectLine: "Hello from Northwind",
      template: "Hi {{firstName}}, we noticed you...\n\nTalk soon <3",
      leadIds: [lead.id, dnc.id],
    });
    expect(made.steps).toHaveLength(1);
    expect(made.steps[0].variants[0]).toMatchObject({
      subject: "Hello from Northwind",
      html: "<p>Hi {{firstName}}, we noticed you...</p>\n<p>Talk soon &lt;3</p>",
    });
    expect(made.recipients).toMatchObject({ queued: 1, total: 1 });
    expect(made.recipientsAdded).toMatchObject({
      added: 1,
      excluded: 1,
      exclusions: [{ leadId: dnc.id, reason: "do_not_contact" }],
    });
  });

  it("spaces later steps by followUpIntervalDays and refuses mixed or lone short-form fields", async () => {
    const made = await create(org.members.rep.token, {
      name: `Intervals ${tag()}`,
      followUpIntervalDays: 3,
      steps: [
        { variants: [{ subject: "One", html: "<p>1</p>" }] },
        { variants: [{ subject: "Two", html: "<p>2</p>" }] },
        { delayHours: 5, variants: [{ subject: "Three", html: "<p>3</p>" }] },
      ],
    });
    expect(made.steps.map((s: { delayDays: number }) => s.delayDays)).toEqual([0, 3, 0]);
    expect(made.recipientsAdded).toBeUndefined();
    for (const body of [
      { name: "x", subjectLine: "Only a subject" },
      {
        name: "x",
        subjectLine: "S",
        template: "T",
        steps: [{ variants: [{ subject: "a", html: "b" }] }],
      },
      { name: "x", subjectLine: "S", template: "T", followUpIntervalDays: 2 },
    ]) {
      const res = await api("POST", "/api/v1/campaigns", { token: org.members.rep.token, body });
      expect(res.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
  });
});

describe("campaign validation", () => {
  it("rejects a bad send window, time zone, limits and unknown fields with 400", async () => {
    const token = org.members.rep.token;
    const bad: Record<string, unknown>[] = [
      { sendWindow: { days: [1], start: "17:00", end: "09:00" } },
      { sendWindow: { days: [], start: "09:00", end: "17:00" } },
      { sendWindow: { days: [8], start: "09:00", end: "17:00" } },
      { sendWindow: { days: [1], start: "9am", end: "17:00" } },
      { timezone: "Mars/Olympus" },
      { dailyLimit: 0 },
      { steps: [{ variants: [] }] },
      { steps: [{ variants: [{ subject: "", html: "" }] }] },
      { steps: [{ delayHours: 24, variants: [{ subject: "s", html: "h" }] }] },
      { steps: [{ variants: [{ subject: "s", html: "h", weight: 0 }] }] },
      { organizationId: other.id },
      { status: "active" },
      { name: "" },
    ];
    for (const extra of bad) {
      const res = await api("POST", "/api/v1/campaigns", {
        token,
        body: { ...campaignBody(), ...extra },
      });
      expect(res.status, JSON.stringify(extra)).toBe(400);
      expect(res.json.code).toBe("validation_error");
    }
    const twice = await api("POST", "/api/v1/campaigns", {
      token,
      body: {
        ...campaignBody(),
        steps: [
          { id: "x", variants: [{ subject: "s", html: "h" }] },
          { id: "x", variants: [{ subject: "s", html: "h" }] },
        ],
      },
    });
    expect(twice.status).toBe(400);
    expect(twice.json.errors).toEqual([{ path: "steps[1].id", message: "Used twice" }]);
  });

  it("refuses another organization's mailbox, template or member with 422 naming each field", async () => {
    const token = org.members.rep.token;
    const foreignBox = await mailboxIn(other);
    const foreignTemplate = await createTemplate(other.ctx("owner"), {
      name: `T ${tag()}`,
      subject: "S",
      html: "<p>H</p>",
    });
    const res = await api("POST", "/api/v1/campaigns", {
      token,
      body: {
        ...campaignBody(),
        mailboxIds: [foreignBox.id],
        ownerId: other.members.rep.id,
        steps: [{ variants: [{ templateId: foreignTemplate.id }] }],
      },
    });
    expect(res.status).toBe(422);
    expect(res.json.code).toBe("unprocessable");
    expect(res.json.errors).toEqual([
      { path: "mailboxIds[0]", message: "No such mailbox" },
      { path: "steps[0].variants[0].templateId", message: "No such template" },
      { path: "ownerId", message: "Not a member of this organization" },
    ]);
    const made = await create(token);
    const patch = await api("PATCH", `/api/v1/campaigns/${made.id}`, {
      token,
      body: { mailboxIds: [foreignBox.id] },
    });
    expect(patch.status).toBe(422);
    expect((await api("GET", `/api/v1/campaigns/${made.id}`, { token })).json.mailboxIds).toEqual(
      [],
    );
  });

  it("answers junk with 4xx, never 500", async () => {
    const token = org.members.rep.token;
    const made = await create(token);
    const junk: unknown[] = [
      [],
      "campaign",
      42,
      { name: 7 },
      { name: "x", steps: "one" },
      { name: "x", steps: [null] },
      { name: "x", mailboxIds: ["not-a-uuid"] },
      { name: "x", stopConditions: { statusCategories: ["maybe"] } },
      { name: "x".repeat(10_000) },
    ];
    for (const body of junk) {
      for (const [method, path] of [
        ["POST", "/api/v1/campaigns"],
        ["PATCH", `/api/v1/campaigns/${made.id}`],
        ["POST", `/api/v1/campaigns/${made.id}/recipients`],
        ["POST", `/api/v1/campaigns/${made.id}/schedule`],
        ["POST", `/api/v1/campaigns/${made.id}/send`],
      ] as const) {
        const res = await api(method, path, { token, body });
        expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }
    }
    const raw = await api("POST", "/api/v1/campaigns", {
      token,
      rawBody: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(raw.status).toBe(400);
    expect((await api("GET", "/api/v1/campaigns/not-a-uuid", { token })).status).toBe(404);
  });

  it("while recipients are mid-sequence, sent steps can't be removed or reordered", async () => {
    const token = org.members.rep.token;
    const made = await create(token, {
      ...campaignBody(),
      steps: [
        { variants: [{ subject: "1", html: "<p>1</p>" }] },
        { delayDays: 1, variants: [{ subject: "2", html: "<p>2</p>" }] },
        { delayDays: 1, variants: [{ subject: "3", html: "<p>3</p>" }] },
      ],
    });
    const [s1, s2, s3] = made.steps.map((s: { id: string }) => s.id);
    const lead = await createLead(org.ctx("owner"), {
      firstName: "Mid",
      email: `mid-${tag()}@example.test`,
      ownerId: null,
    });
    await api("POST", `/api/v1/campaigns/${made.id}/recipients`, {
      token,
      body: { leadIds: [lead.id] },
    });
    const db = await getDb();
    await db.update(campaigns).set({ status: "active" }).where(eq(campaigns.id, made.id));
    await db
      .update(campaignRecipients)
      .set({ state: "active", nextStepIndex: 2 })
      .where(eq(campaignRecipients.campaignId, made.id));

    const step = (id: string | undefined, subject: string) => ({
      ...(id ? { id } : {}),
      variants: [{ subject, html: `<p>${subject}</p>` }],
    });
    const tooFew = await api("PATCH", `/api/v1/campaigns/${made.id}`, {
      token,
      body: { steps: [step(s1, "1")] },
    });
    expect(tooFew.status).toBe(409);
    expect(tooFew.json.sentSteps).toBe(2);
    const reordered = await api("PATCH", `/api/v1/campaigns/${made.id}`, {
      token,
      body: { steps: [step(s2, "2"), step(s1, "1"), step(s3, "3")] },
    });
    expect(reordered.status).toBe(409);

    // Editing the sent steps' text in place, changing later steps and the limits is fine.
    const edited = await api("PATCH", `/api/v1/campaigns/${made.id}`, {
      token,
      body: {
        name: "Live edit",
        dailyLimit: 10,
        steps: [step(s1, "1 fixed"), step(undefined, "2 fixed"), step(undefined, "new 3")],
      },
    });
    expect(edited.status, JSON.stringify(edited.json)).toBe(200);
    expect(edited.json.steps.map((s: { id: string }) => s.id).slice(0, 2)).toEqual([s1, s2]);
    expect(edited.json.steps[2].id).not.toBe(s3);
    expect(edited.json.steps[1].variants[0].subject).toBe("2 fixed");
  });
});

describe("campaigns are per organization", () => {
  it("another organization's campaign is a 404 for every route, and it lists none of them", async () => {
    const made = await create(org.members.owner.token);
    const token = other.members.owner.token;
    for (const [method, path, body] of [
      ["GET", `/api/v1/campaigns/${made.id}`],
      ["PATCH", `/api/v1/campaigns/${made.id}`, { name: "Mine now" }],
      ["PUT", `/api/v1/campaigns/${made.id}`, { name: "Mine now" }],
      ["DELETE", `/api/v1/campaigns/${made.id}`],
      ["POST", `/api/v1/campaigns/${made.id}/duplicate`],
      ["POST", `/api/v1/campaigns/${made.id}/launch`],
      ["GET", `/api/v1/campaigns/${made.id}/recipients`],
    ] as const) {
      const res = await api(method, path, { token, body });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    const list = await api("GET", "/api/v1/campaigns?perPage=100", { token });
    expect(list.json.data.map((c: { id: string }) => c.id)).not.toContain(made.id);
    expect(
      (await api("GET", `/api/v1/campaigns/${made.id}`, { token: org.members.rep.token })).json
        .name,
    ).toBe(made.name);
  });
});
