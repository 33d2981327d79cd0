import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { leadActivities, memberships, userActivities } from "@/db/schema";
import { sendLeadEmail } from "@/lib/conversations/send-lead-email";
import { newId } from "@/lib/crypto/ids";
import { createLead } from "@/lib/leads/create-lead";
import { createMailbox } from "@/lib/mailboxes/mailboxes";
import { createReminder, updateReminder } from "@/lib/reminders/reminders";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, TEST_PASSWORD, type TestOrg } from "@/lib/testing/fixtures";
import { touchLastSeen } from "./last-seen";

let org: TestOrg;
let other: TestOrg;

beforeAll(async () => {
  org = await createTestOrg("Activity");
  other = await createTestOrg("Activity other");
  await createMailbox(org.ctx("owner"), {
    name: "Default",
    fromName: "Sales",
    fromAddress: `default-${newId().slice(-8)}@example.test`,
    isDefault: true,
  });
});

const lead = (ownerId: string | null = null) =>
  createLead(org.ctx("owner"), {
    firstName: "Tracked",
    email: `tracked-${newId().slice(-12)}@example.org`,
    ownerId,
  });

async function activitiesOf(userId: string, kind: string) {
  const db = await getDb();
  return db
    .select()
    .from(userActivities)
    .where(
      and(
        eq(userActivities.organizationId, org.id),
        eq(userActivities.userId, userId),
        eq(userActivities.kind, kind as "call"),
      ),
    );
}

describe("POST/GET /leads/{id}/calls", () => {
  it("logs a call: the member's activity, the lead's timeline and last-contacted, in one go", async () => {
    const target = await lead(org.members.rep.id);
    const res = await api("POST", `/api/v1/leads/${target.id}/calls`, {
      token: org.members.rep.token,
      body: {
        outcome: "connected",
        durationSeconds: 240,
        notes: "Wants a quote",
        occurredAt: "2026-11-20T09:30:00.000Z",
      },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      leadId: target.id,
      user: { id: org.members.rep.id },
      outcome: "connected",
      durationSeconds: 240,
      notes: "Wants a quote",
      occurredAt: "2026-11-20T09:30:00.000Z",
    });
    const calls = await activitiesOf(org.members.rep.id, "call");
    expect(calls.filter((c) => c.leadId === target.id)).toHaveLength(1);

    const db = await getDb();
    const timeline = await db
      .select()
      .from(leadActivities)
      .where(and(eq(leadActivities.leadId, target.id), eq(leadActivities.type, "call_logged")));
    expect(timeline).toHaveLength(1);
    expect(timeline[0]!.data).toMatchObject({ callId: res.json.id, outcome: "connected" });
    expect(timeline[0]!.occurredAt.toISOString()).toBe("2026-11-20T09:30:00.000Z");

    const read = await api("GET", `/api/v1/leads/${target.id}`, { token: org.members.rep.token });
    expect(read.json.lastContactedAt).toBe("2026-11-20T09:30:00.000Z");
    // An older call logged late doesn't move last-contacted back.
    await api("POST", `/api/v1/leads/${target.id}/calls`, {
      token: org.members.manager.token,
      body: { outcome: "voicemail", durationSeconds: 20, occurredAt: "2026-11-01T09:00:00.000Z" },
    });
    const again = await api("GET", `/api/v1/leads/${target.id}`, { token: org.members.rep.token });
    expect(again.json.lastContactedAt).toBe("2026-11-20T09:30:00.000Z");

    const list = await api("GET", `/api/v1/leads/${target.id}/calls`, {
      token: org.members.rep.token,
    });
    expect(list.json.data.map((c: { outcome: string }) => c.outcome)).toEqual([
      "connected",
      "voicemail",
    ]);
  });

  it("a lead the caller can't see is a 404; bad input a 400; an API key names the member", async () => {
    const others = await lead(org.members.rep2.id);
    const hidden = await api("POST", `/api/v1/leads/${others.id}/calls`, {
      token: org.members.rep.token,
      body: { outcome: "busy", durationSeconds: 0 },
    });
    expect(hidden.status).toBe(404);
    expect(
      (await api("GET", `/api/v1/leads/${others.id}/calls`, { token: org.members.rep.token }))
        .status,
    ).toBe(404);
    const foreign = await api("POST", `/api/v1/leads/${others.id}/calls`, {
      token: other.members.owner.token,
      body: { outcome: "busy", durationSeconds: 0 },
    });
    expect(foreign.status).toBe(404);
    for (const body of [
      { outcome: "hung_up", durationSeconds: 10 },
      { outcome: "busy", durationSeconds: -1 },
      { outcome: "busy", durationSeconds: 1.5 },
      { outcome: "busy" },
      { outcome: "busy", durationSeconds: 1, occurredAt: "2999-01-01T00:00:00Z" },
    ]) {
      const res = await api("POST", `/api/v1/leads/${others.id}/calls`, {
        token: org.members.rep2.token,
        body,
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect(await activitiesOf(org.members.rep2.id, "call")).toHaveLength(0);
    const someoneElse = await api("POST", `/api/v1/leads/${others.id}/calls`, {
      token: org.members.rep2.token,
      body: { outcome: "busy", durationSeconds: 0, userId: org.members.rep.id },
    });
    expect(someoneElse.status).toBe(400);
    const nobody = await api("POST", `/api/v1/leads/${others.id}/calls`, {
      token: org.keys.integration.secret,
      body: { outcome: "busy", durationSeconds: 0 },
    });
    expect(nobody.status).toBe(400);
    const stranger = await api("POST", `/api/v1/leads/${others.id}/calls`, {
      token: org.keys.integration.secret,
      body: { outcome: "busy", durationSeconds: 0, userId: other.members.rep.id },
    });
    expect(stranger.status).toBe(400);
    const key = await api("POST", `/api/v1/leads/${others.id}/calls`, {
      token: org.keys.integration.secret,
      body: { outcome: "busy", durationSeconds: 5, userId: org.members.rep2.id },
    });
    expect(key.status).toBe(201);
    expect(key.json.user.id).toBe(org.members.rep2.id);
    expect(await activitiesOf(org.members.rep2.id, "call")).toHaveLength(1);
  });
});

describe("activity tracking", () => {
  it("records a login on every successful sign-in, none for a failed one", async () => {
    const before = (await activitiesOf(org.members.manager.id, "login")).length;
    const ok = await api("POST", "/api/v1/auth/login", {
      body: { email: org.members.manager.email, password: TEST_PASSWORD },
    });
    expect(ok.status).toBe(200);
    const bad = await api("POST", "/api/v1/auth/login", {
      body: { email: org.members.manager.email, password: "wrong password" },
    });
    expect(bad.status).toBe(401);
    expect(await activitiesOf(org.members.manager.id, "login")).toHaveLength(before + 1);
  });

  it("records a follow-up when a member completes a reminder (once)", async () => {
    const target = await lead(org.members.rep.id);
    const reminder = await createReminder(org.ctx("rep"), target.id, {
      dueAt: "2026-12-01T09:00:00.000Z",
      message: "Call back",
    });
    await updateReminder(org.ctx("rep"), reminder.id, { message: "Call back about pricing" });
    expect(
      (await activitiesOf(org.members.rep.id, "follow_up")).filter((a) => a.leadId === target.id),
    ).toHaveLength(0);
    await updateReminder(org.ctx("rep"), reminder.id, { status: "done" });
    await updateReminder(org.ctx("rep"), reminder.id, { status: "done" });
    const done = (await activitiesOf(org.members.rep.id, "follow_up")).filter(
      (a) => a.leadId === target.id,
    );
    expect(done).toHaveLength(1);
    expect(done[0]!.data).toEqual({ reminderId: reminder.id });
  });

  it("records a person's email to a lead, not an automated one", async () => {
    const target = await lead(org.members.rep.id);
    await sendLeadEmail(org.ctx("rep"), {
      leadId: target.id,
      subject: "Following up",
      text: "Hi, how did the demo go?",
    });
    await sendLeadEmail(org.ctx("rep"), {
      leadId: target.id,
      subject: "Auto",
      text: "Thanks for your message",
      automated: true,
    });
    const emails = (await activitiesOf(org.members.rep.id, "email")).filter(
      (a) => a.leadId === target.id,
    );
    expect(emails).toHaveLength(1);
  });

  it("touches last_seen_at on an authenticated request at most once a minute", async () => {
    const db = await getDb();
    const seen = async () =>
      (
        await db
          .select({ at: memberships.lastSeenAt })
          .from(memberships)
          .where(
            and(
              eq(memberships.organizationId, org.id),
              eq(memberships.userId, org.members.rep2.id),
            ),
          )
      )[0]!.at;
    const setSeen = (at: Date | null) =>
      db
        .update(memberships)
        .set({ lastSeenAt: at })
        .where(
          and(eq(memberships.organizationId, org.id), eq(memberships.userId, org.members.rep2.id)),
        );
    await setSeen(null);
    await api("GET", "/api/v1/auth/me", { token: org.members.rep2.token });
    const first = await seen();
    expect(first).not.toBeNull();
    await api("GET", "/api/v1/auth/me", { token: org.members.rep2.token });
    expect((await seen())!.toISOString()).toBe(first!.toISOString());
    // Older than a minute: the next request moves it.
    const old = new Date(Date.now() - 5 * 60_000);
    await setSeen(old);
    await api("GET", "/api/v1/auth/me", { token: org.members.rep2.token });
    expect((await seen())!.getTime()).toBeGreaterThan(old.getTime());
    // A broken update is logged, never thrown into the request.
    await touchLastSeen(
      {
        update: () => {
          throw new Error("db down");
        },
      } as unknown as typeof db,
      org.id,
      org.members.rep2.id,
    );
  });
});
