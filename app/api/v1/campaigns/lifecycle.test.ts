import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import {
  auditLogs,
  campaignRecipients,
  campaigns,
  mailboxes,
  outboxEvents,
  type CampaignStatus,
} from "@/db/schema";
import { createLead } from "@/lib/leads/create-lead";
import { createMailbox } from "@/lib/mailboxes/mailboxes";
import { createTemplate, deleteTemplate } from "@/lib/templates/templates";
import { api } from "@/lib/testing/api-client";
import { campaignBody } from "@/lib/testing/campaign-fixtures";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";

let org: TestOrg;
let token: string;
const tag = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 6);

async function newMailbox(o: TestOrg) {
  return (await createMailbox(o.ctx("owner"), {
    name: `Box ${tag()}`,
    fromName: "Sales",
    fromAddress: `box-${tag()}@example.test`,
  }))!;
}

async function newLead(o: TestOrg) {
  return createLead(o.ctx("owner"), {
    firstName: "Lifecycle",
    email: `life-${tag()}@example.test`,
    ownerId: null,
  });
}

/** A launchable draft: one step, its own mailbox, `leads` recipients. */
async function ready(o: TestOrg = org, options: { leads?: number; body?: object } = {}) {
  const mailbox = await newMailbox(o);
  const made = await api("POST", "/api/v1/campaigns", {
    token: o.members.owner.token,
    body: { ...campaignBody(), mailboxIds: [mailbox.id], ...options.body },
  });
  expect(made.status, JSON.stringify(made.json)).toBe(201);
  const leadIds = [];
  for (let i = 0; i < (options.leads ?? 1); i++) leadIds.push((await newLead(o)).id);
  if (leadIds.length) {
    const added = await api("POST", `/api/v1/campaigns/${made.json.id}/recipients`, {
      token: o.members.owner.token,
      body: { leadIds },
    });
    expect(added.json.added).toBe(leadIds.length);
  }
  return { id: made.json.id as string, mailboxId: mailbox.id, leadIds };
}

async function eventsFor(campaignId: string) {
  return (await getDb())
    .select()
    .from(outboxEvents)
    .where(sql`${outboxEvents.data}->>'campaignId' = ${campaignId}`)
    .orderBy(outboxEvents.createdAt);
}

const setStatus = async (id: string, status: CampaignStatus) =>
  (await getDb()).update(campaigns).set({ status }).where(eq(campaigns.id, id));

const post = (id: string, action: string, body?: unknown) =>
  api("POST", `/api/v1/campaigns/${id}/${action}`, { token, body });

beforeAll(async () => {
  org = await createTestOrg("Lifecycle");
  token = org.members.rep.token;
});

describe("launch", () => {
  it("makes a ready draft active and enqueues exactly one campaign/started event", async () => {
    const c = await ready(org, { leads: 2 });
    const res = await post(c.id, "launch");
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json).toMatchObject({ id: c.id, status: "active", scheduledAt: null });
    expect(Date.parse(res.json.launchedAt)).not.toBeNaN();
    expect(res.json.recipients).toMatchObject({ queued: 2, total: 2 });
    const events = await eventsFor(c.id);
    expect(events.map((e) => [e.name, e.data])).toEqual([
      ["campaign/started", { organizationId: org.id, campaignId: c.id }],
    ]);
    expect(events[0]!.organizationId).toBe(org.id);
    const [audit] = await (
      await getDb()
    )
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.resourceId, c.id), eq(auditLogs.action, "campaign.launched")));
    expect(audit?.changes).toEqual({ from: "draft", to: "active" });

    const again = await post(c.id, "launch");
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ code: "conflict", campaignStatus: "active" });
    expect(await eventsFor(c.id)).toHaveLength(1);
  });

  it("refuses what can't send (422 listing each problem) and changes nothing", async () => {
    const empty = await ready(org, { leads: 0, body: { steps: [] } });
    const res = await post(empty.id, "launch");
    expect(res.status).toBe(422);
    expect(res.json.code).toBe("unprocessable");
    expect(res.json.errors).toEqual([
      { path: "steps", message: "Add at least one step" },
      { path: "recipients", message: "Add at least one recipient" },
    ]);

    const broken = await ready(org, {
      body: {
        steps: [
          {
            variants: [
              { subject: "Hi {{nickname}}", html: '<p>x</p><a href="javascript:alert(1)">x</a>' },
            ],
          },
        ],
      },
    });
    const unrenderable = await post(broken.id, "launch");
    expect(unrenderable.status).toBe(422);
    expect(unrenderable.json.errors.map((e: { path: string }) => e.path)).toEqual([
      "steps[0].variants[0].subject",
      "steps[0].variants[0].html",
    ]);

    const template = await createTemplate(org.ctx("owner"), {
      name: `Gone ${tag()}`,
      subject: "S",
      html: "<p>H</p>",
    });
    const viaTemplate = await ready(org, {
      body: { steps: [{ variants: [{ templateId: template.id }] }] },
    });
    await deleteTemplate(org.ctx("owner"), template.id);
    const gone = await post(viaTemplate.id, "launch");
    expect(gone.status).toBe(422);
    expect(gone.json.errors).toEqual([
      { path: "steps[0].variants[0].templateId", message: "The template no longer exists" },
    ]);

    for (const id of [empty.id, broken.id, viaTemplate.id]) {
      expect((await api("GET", `/api/v1/campaigns/${id}`, { token })).json.status).toBe("draft");
      expect(await eventsFor(id)).toEqual([]);
    }
  });

  it("a campaign taking its content from a template launches", async () => {
    const template = await createTemplate(org.ctx("owner"), {
      name: `Used ${tag()}`,
      subject: "Hello {{firstName|there}}",
      html: '<p>Hi</p><a href="{{unsubscribeUrl}}">Unsubscribe</a>',
    });
    const c = await ready(org, {
      body: { steps: [{ variants: [{ templateId: template.id, subject: "Own subject" }] }] },
    });
    expect((await post(c.id, "launch")).status).toBe(200);
  });

  it("needs a mailbox that can send: its own or the organization default (422 no_mailbox)", async () => {
    const bare = await createTestOrg("No mailbox");
    const made = await api("POST", "/api/v1/campaigns", {
      token: bare.members.owner.token,
      body: campaignBody(),
    });
    const lead = await newLead(bare);
    await api("POST", `/api/v1/campaigns/${made.json.id}/recipients`, {
      token: bare.members.owner.token,
      body: { leadIds: [lead.id] },
    });
    const launch = () =>
      api("POST", `/api/v1/campaigns/${made.json.id}/launch`, {
        token: bare.members.owner.token,
      });
    const res = await launch();
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({
      code: "no_mailbox",
      type: "https://leadline.dev/errors/no-mailbox",
    });

    // The organization's first mailbox becomes its default, and a campaign without its own uses it.
    const box = await newMailbox(bare);
    await (
      await getDb()
    )
      .update(mailboxes)
      .set({ status: "paused" })
      .where(eq(mailboxes.id, box.id));
    expect((await launch()).json.code).toBe("no_mailbox");
    await (
      await getDb()
    )
      .update(mailboxes)
      .set({ status: "active" })
      .where(eq(mailboxes.id, box.id));
    expect((await launch()).status).toBe(200);
  });
});

describe("schedule", () => {
  it("schedules a future start as a delayed event, replaces it when rescheduled, refuses the past", async () => {
    const c = await ready();
    const past = await post(c.id, "schedule", { startAt: "2020-01-01T00:00:00Z" });
    expect(past.status).toBe(422);
    expect(past.json.errors).toEqual([{ path: "startAt", message: "Must be in the future" }]);
    expect((await post(c.id, "schedule", { startAt: "tomorrow" })).status).toBe(400);

    const first = new Date(Date.now() + 86_400_000);
    const res = await post(c.id, "schedule", { startAt: first.toISOString() });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: "scheduled", scheduledAt: first.toISOString() });
    let events = await eventsFor(c.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.availableAt.toISOString()).toBe(first.toISOString());

    const later = new Date(Date.now() + 2 * 86_400_000);
    const moved = await post(c.id, "schedule", { startAt: later.toISOString() });
    expect(moved.json.scheduledAt).toBe(later.toISOString());
    events = await eventsFor(c.id);
    expect(events.map((e) => e.availableAt.toISOString())).toEqual([later.toISOString()]);

    // Launching it now withdraws the scheduled start and starts at once.
    const now = await post(c.id, "launch");
    expect(now.json).toMatchObject({ status: "active", scheduledAt: null });
    events = await eventsFor(c.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.availableAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect((await post(c.id, "schedule", { startAt: later.toISOString() })).status).toBe(409);
  });
});

describe("pause, resume, stop", () => {
  it("pauses an active campaign and resumes it where it stood", async () => {
    const c = await ready();
    await post(c.id, "launch");
    const paused = await post(c.id, "pause");
    expect(paused.status).toBe(200);
    expect(paused.json.status).toBe("paused");
    expect(paused.json.pausedAt).not.toBeNull();
    expect((await post(c.id, "pause")).json).toMatchObject({
      code: "conflict",
      campaignStatus: "paused",
    });
    expect((await post(c.id, "launch")).status).toBe(409);

    await (
      await getDb()
    )
      .update(campaigns)
      .set({ pausedReason: "bounce rate over 5%" })
      .where(eq(campaigns.id, c.id));
    const resumed = await post(c.id, "resume");
    expect(resumed.status).toBe(200);
    expect(resumed.json).toMatchObject({ status: "active", pausedAt: null, pausedReason: null });
    expect(resumed.json.launchedAt).toBe(paused.json.launchedAt);
    expect((await post(c.id, "resume")).json.campaignStatus).toBe("active");

    const events = (await eventsFor(c.id)).map((e) => [e.name, e.data]);
    expect(events).toEqual([
      ["campaign/started", { organizationId: org.id, campaignId: c.id }],
      ["campaign/paused", { organizationId: org.id, campaignId: c.id }],
      ["campaign/started", { organizationId: org.id, campaignId: c.id, resume: true }],
    ]);
  });

  it("pausing a scheduled campaign withdraws its start; resuming starts it now", async () => {
    const c = await ready();
    await post(c.id, "schedule", { startAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect((await post(c.id, "pause")).json.status).toBe("paused");
    expect((await eventsFor(c.id)).map((e) => e.name)).toEqual(["campaign/paused"]);
    const resumed = await post(c.id, "resume");
    expect(resumed.json.status).toBe("active");
    expect(resumed.json.launchedAt).not.toBeNull();
  });

  it("stops for good: live recipients are removed, finished ones keep their state", async () => {
    const c = await ready(org, { leads: 3 });
    await post(c.id, "launch");
    const db = await getDb();
    await db
      .update(campaignRecipients)
      .set({ state: "active", nextStepIndex: 1 })
      .where(eq(campaignRecipients.leadId, c.leadIds[1]!));
    await db
      .update(campaignRecipients)
      .set({ state: "replied" })
      .where(eq(campaignRecipients.leadId, c.leadIds[2]!));

    const stopped = await post(c.id, "stop");
    expect(stopped.status).toBe(200);
    expect(stopped.json.status).toBe("stopped");
    expect(stopped.json.finishedAt).not.toBeNull();
    expect(stopped.json.recipients).toMatchObject({ removed: 2, replied: 1, queued: 0, total: 3 });
    const rows = await db
      .select()
      .from(campaignRecipients)
      .where(eq(campaignRecipients.campaignId, c.id));
    const removed = rows.filter((r) => r.state === "removed");
    expect(removed.map((r) => r.stateReason)).toEqual(["campaign stopped", "campaign stopped"]);
    expect(removed.every((r) => r.finishedAt !== null)).toBe(true);
    expect((await eventsFor(c.id)).map((e) => e.name)).toEqual([
      "campaign/started",
      "campaign/stopped",
    ]);

    for (const action of ["stop", "pause", "resume", "launch"]) {
      const res = await post(c.id, action);
      expect(res.status, action).toBe(409);
      expect(res.json.campaignStatus).toBe("stopped");
    }
    expect((await api("DELETE", `/api/v1/campaigns/${c.id}`, { token })).status).toBe(204);
  });

  it("every transition a status doesn't allow is a 409 naming the status", async () => {
    const c = await ready();
    const allowed: Record<string, CampaignStatus[]> = {
      launch: ["draft", "scheduled"],
      pause: ["active", "scheduled"],
      resume: ["paused"],
      stop: ["active", "paused", "scheduled"],
    };
    for (const status of ["draft", "active", "paused", "completed", "stopped"] as const) {
      for (const [action, from] of Object.entries(allowed)) {
        if (from.includes(status)) continue;
        await setStatus(c.id, status);
        const res = await post(c.id, action);
        expect(res.status, `${action} from ${status}`).toBe(409);
        expect(res.json.campaignStatus).toBe(status);
      }
    }
  });
});

describe("send now", () => {
  it("queues the next step for live recipients of an active campaign (202), else 409", async () => {
    const c = await ready(org, { leads: 2 });
    const draft = await post(c.id, "send", {});
    expect(draft.status).toBe(409);
    expect(draft.json.campaignStatus).toBe("draft");

    await post(c.id, "launch");
    const all = await post(c.id, "send", {});
    expect(all.status).toBe(202);
    expect(all.json).toEqual({ recipients: 2 });
    const some = await post(c.id, "send", { leadIds: [c.leadIds[0]] });
    expect(some.json).toEqual({ recipients: 1 });
    const none = await post(c.id, "send", { leadIds: [(await newLead(org)).id] });
    expect(none.json).toEqual({ recipients: 0 });

    const sendNow = (await eventsFor(c.id)).filter((e) => e.name === "campaign/send-now");
    expect(sendNow.map((e) => e.data)).toEqual([
      { organizationId: org.id, campaignId: c.id },
      { organizationId: org.id, campaignId: c.id, leadIds: [c.leadIds[0]] },
    ]);
    expect((await post(c.id, "send", { leadIds: [] })).status).toBe(400);
  });
});

describe("status through PATCH (seed 001)", () => {
  const patch = (id: string, body: unknown) =>
    api("PATCH", `/api/v1/campaigns/${id}`, { token, body });

  it("launches, pauses, resumes and stops like the action endpoints, with their events", async () => {
    const { id } = await ready();
    let res = await patch(id, { status: "active", dailyLimit: 50 });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json).toMatchObject({ status: "active", dailyLimit: 50 });
    expect(res.json.launchedAt).not.toBeNull();
    res = await patch(id, { status: "paused" });
    expect(res.json.status).toBe("paused");
    res = await patch(id, { status: "active" });
    expect(res.json.status).toBe("active");
    res = await patch(id, { status: "stopped" });
    expect(res.json.status).toBe("stopped");
    const names = (await eventsFor(id)).map((e) => e.name);
    expect(names).toEqual([
      "campaign/started",
      "campaign/paused",
      "campaign/started",
      "campaign/stopped",
    ]);
  });

  it("refuses a change the status doesn't allow and then keeps the other fields unchanged", async () => {
    const { id } = await ready(org, { leads: 0 });
    const refused = await patch(id, { status: "active", name: "Renamed" });
    expect(refused.status).toBe(422);
    const stopped = await ready();
    await setStatus(stopped.id, "stopped");
    const conflict = await patch(stopped.id, { status: "paused", dailyLimit: 7 });
    expect(conflict.status).toBe(409);
    const after = await api("GET", `/api/v1/campaigns/${stopped.id}`, { token });
    expect(after.json.dailyLimit).not.toBe(7);
    expect((await api("GET", `/api/v1/campaigns/${id}`, { token })).json.name).not.toBe("Renamed");
    expect((await patch(id, { status: "completed" })).status).toBe(400);
  });
});
