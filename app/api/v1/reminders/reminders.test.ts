import { beforeAll, describe, expect, it } from "vitest";
import { InngestTestEngine } from "@inngest/test";
import { notifyDueReminderFn } from "@/inngest/functions/notify-due-reminder";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { runPendingJobs } from "@/lib/testing/jobs";

let org: TestOrg;
let leadId: string;
const rep = () => org.members.rep.token;
const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

beforeAll(async () => {
  org = await createTestOrg("Reminders");
  leadId = (
    await api("POST", "/api/v1/leads", {
      token: rep(),
      body: { firstName: "Remy", email: "remy@example.com" },
    })
  ).json.id;
});

describe("reminders", () => {
  it("schedules a follow-up for the caller and sets the lead's next follow-up", async () => {
    const res = await api("POST", `/api/v1/leads/${leadId}/reminders`, {
      token: rep(),
      body: { dueAt: inMinutes(90), message: "Call about pricing" },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      assigneeId: org.members.rep.id,
      status: "open",
      lead: { id: leadId, displayName: "Remy" },
    });
    const lead = (await api("GET", `/api/v1/leads/${leadId}`, { token: rep() })).json;
    expect(lead.nextFollowUpAt).toBe(res.json.dueAt);
    const bad = await api("POST", `/api/v1/leads/${leadId}/reminders`, {
      token: rep(),
      body: { dueAt: "tomorrow", message: "" },
    });
    expect(bad.json.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "dueAt",
      "message",
    ]);
  });

  it("lists overdue, today's and upcoming reminders for me", async () => {
    const overdue = (
      await api("POST", `/api/v1/leads/${leadId}/reminders`, {
        token: rep(),
        body: { dueAt: inMinutes(-30), message: "Overdue one" },
      })
    ).json;
    const nextWeek = (
      await api("POST", `/api/v1/leads/${leadId}/reminders`, {
        token: rep(),
        body: { dueAt: inMinutes(7 * 24 * 60), message: "Next week" },
      })
    ).json;
    const list = async (due: string) =>
      (
        await api("GET", "/api/v1/reminders", { token: rep(), query: { due, assigneeId: "me" } })
      ).json.data.map((r: { id: string }) => r.id);
    expect(await list("overdue")).toContain(overdue.id);
    expect(await list("upcoming")).toContain(nextWeek.id);
    expect(await list("upcoming")).not.toContain(overdue.id);
    expect(await list("today")).not.toContain(overdue.id);
    // Another rep can't see reminders on a lead they can't see.
    expect(
      (await api("GET", "/api/v1/reminders", { token: org.members.rep2.token })).json.data,
    ).toEqual([]);
  });

  it("completes, snoozes and deletes, keeping the next follow-up right", async () => {
    const r = (
      await api("POST", `/api/v1/leads/${leadId}/reminders`, {
        token: rep(),
        body: { dueAt: inMinutes(5), message: "Soon" },
      })
    ).json;
    const snoozed = await api("PATCH", `/api/v1/reminders/${r.id}`, {
      token: rep(),
      body: { snoozeMinutes: 60 },
    });
    expect(new Date(snoozed.json.dueAt).getTime()).toBeGreaterThan(Date.now() + 59 * 60_000);
    const done = await api("PATCH", `/api/v1/reminders/${r.id}`, {
      token: rep(),
      body: { status: "done" },
    });
    expect(done.json).toMatchObject({ status: "done", completedAt: expect.any(String) });
    expect((await api("DELETE", `/api/v1/reminders/${r.id}`, { token: rep() })).status).toBe(204);
    expect(
      (await api("PATCH", `/api/v1/reminders/${r.id}`, { token: rep(), body: { status: "done" } }))
        .status,
    ).toBe(404);
  });
});

describe("due reminders notify their assignee", () => {
  it("the job sleeps until due, then notifies once (tested with @inngest/test)", async () => {
    const r = (
      await api("POST", `/api/v1/leads/${leadId}/reminders`, {
        token: rep(),
        body: { dueAt: inMinutes(-1), message: "Send the brochure" },
      })
    ).json;
    const engine = new InngestTestEngine({
      function: notifyDueReminderFn,
      events: [
        {
          name: "reminder/scheduled",
          data: { organizationId: org.id, reminderId: r.id, dueAt: r.dueAt },
        },
      ],
      steps: [{ id: "wait-until-due", handler: () => null }],
    });
    const { result } = await engine.execute();
    expect(result).toBe("notified");
    const again = await new InngestTestEngine({
      function: notifyDueReminderFn,
      events: [
        {
          name: "reminder/scheduled",
          data: { organizationId: org.id, reminderId: r.id, dueAt: r.dueAt },
        },
      ],
      steps: [{ id: "wait-until-due", handler: () => null }],
    }).execute();
    expect(again.result).toBe("notified");
    const mine = await api("GET", "/api/v1/notifications", { token: rep() });
    const forThis = mine.json.data.filter(
      (n: { data: { reminderId: string } }) => n.data.reminderId === r.id,
    );
    expect(forThis).toHaveLength(1);
    expect(forThis[0]).toMatchObject({
      type: "reminder_due",
      title: "Follow up with Remy",
      body: "Send the brochure",
      link: `/leads/${leadId}`,
    });
  });

  it("a rescheduled reminder's old job stays silent; the embedded engine delivers the new one", async () => {
    const r = (
      await api("POST", `/api/v1/leads/${leadId}/reminders`, {
        token: rep(),
        body: { dueAt: inMinutes(600), message: "Moved one" },
      })
    ).json;
    await api("PATCH", `/api/v1/reminders/${r.id}`, {
      token: rep(),
      body: { dueAt: inMinutes(-2) },
    });
    const stale = await new InngestTestEngine({
      function: notifyDueReminderFn,
      events: [
        {
          name: "reminder/scheduled",
          data: { organizationId: org.id, reminderId: r.id, dueAt: r.dueAt },
        },
      ],
      steps: [{ id: "wait-until-due", handler: () => null }],
    }).execute();
    expect(stale.result).toBe("stale");
    await runPendingJobs();
    const mine = await api("GET", "/api/v1/notifications", {
      token: rep(),
      query: { unread: "true" },
    });
    expect(
      mine.json.data.some((n: { data: { reminderId: string } }) => n.data.reminderId === r.id),
    ).toBe(true);
    expect(mine.json.unreadCount).toBeGreaterThanOrEqual(1);
  });

  it("marks notifications read, one or all", async () => {
    const list = (await api("GET", "/api/v1/notifications", { token: rep() })).json;
    const first = list.data[0];
    expect(
      (
        await api("PATCH", `/api/v1/notifications/${first.id}`, {
          token: rep(),
          body: { read: true },
        })
      ).status,
    ).toBe(204);
    expect(
      (
        await api("PATCH", `/api/v1/notifications/${first.id}`, {
          token: org.members.rep2.token,
          body: { read: true },
        })
      ).status,
    ).toBe(404);
    const all = await api("POST", "/api/v1/notifications/read-all", { token: rep() });
    expect(all.json.updated).toBe(list.unreadCount - 1);
    expect((await api("GET", "/api/v1/notifications", { token: rep() })).json.unreadCount).toBe(0);
    expect(
      (await api("GET", "/api/v1/notifications", { token: org.keys.integration.secret })).status,
    ).toBe(403);
  });
});
