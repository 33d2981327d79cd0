import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { campaignRecipients, leads } from "@/db/schema";
import { newId } from "@/lib/crypto/ids";
import { isSuppressed, suppressEmail } from "@/lib/suppressions/suppressions";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { sentCampaignMessage, sentMessageState } from "@/lib/testing/tracking-fixtures";
import { unsubscribeByToken } from "@/lib/tracking/unsubscribe-lead";
import { unsubscribeToken } from "@/lib/tracking/tracking-tokens";

let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  [org, other] = [await createTestOrg("Suppress"), await createTestOrg("Suppress other")];
});

describe("/api/v1/suppressions", () => {
  it("POST suppresses an address (case-insensitively), stops its sequences, and is idempotent", async () => {
    const sent = await sentCampaignMessage(org);
    const res = await api("POST", "/api/v1/suppressions", {
      token: org.members.admin.token,
      body: { email: sent.email.toUpperCase(), detail: "Asked by phone" },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`/api/v1/suppressions/${res.json.id}`);
    expect(res.json).toMatchObject({
      email: sent.email,
      reason: "manual",
      detail: "Asked by phone",
    });
    const db = await getDb();
    expect(await isSuppressed(db, org.id, sent.email)).toBe(true);
    expect(await isSuppressed(db, other.id, sent.email)).toBe(false);
    const [recipient] = await db
      .select()
      .from(campaignRecipients)
      .where(eq(campaignRecipients.id, sent.recipientId));
    expect(recipient!.state).toBe("removed");
    const { activities } = await sentMessageState(sent);
    expect(activities.filter((a) => a.type === "email_suppressed")).toHaveLength(1);

    const again = await api("POST", "/api/v1/suppressions", {
      token: org.members.owner.token,
      body: { email: sent.email },
    });
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(res.json.id);
    const after = await sentMessageState(sent);
    expect(after.activities.filter((a) => a.type === "email_suppressed")).toHaveLength(1);
  });

  it("GET lists the organization's own, filtered by q and reason, paginated", async () => {
    const tag = newId().slice(-8);
    const db = await getDb();
    for (const [email, reason] of [
      [`alpha-${tag}@example.test`, "bounced"],
      [`beta-${tag}@example.test`, "manual"],
      [`gamma-${tag}@example.test`, "complained"],
    ] as const) {
      await suppressEmail(db, { organizationId: org.id, email, reason });
    }
    await suppressEmail(db, {
      organizationId: other.id,
      email: `alpha-${tag}@elsewhere.test`,
      reason: "bounced",
    });
    const res = await api("GET", `/api/v1/suppressions?q=${tag}&perPage=2&sort=email`, {
      token: org.members.rep.token,
    });
    expect(res.status).toBe(200);
    expect(res.json.data.map((s: { email: string }) => s.email)).toEqual([
      `alpha-${tag}@example.test`,
      `beta-${tag}@example.test`,
    ]);
    expect(res.json.pagination).toMatchObject({ total: 3, totalPages: 2 });
    expect(res.headers.get("x-total-count")).toBe("3");
    const bounced = await api("GET", `/api/v1/suppressions?q=${tag}&reason=bounced`, {
      token: org.keys.integration.secret,
    });
    expect(bounced.json.data.map((s: { reason: string }) => s.reason)).toEqual(["bounced"]);
    expect(
      (await api("GET", "/api/v1/suppressions?reason=nope", { token: org.members.rep.token }))
        .status,
    ).toBe(400);
    expect(
      (await api("GET", "/api/v1/suppressions?color=red", { token: org.members.rep.token })).status,
    ).toBe(400);
  });

  it("DELETE is for admins; lifting an unsubscribe clears the lead's flag", async () => {
    const sent = await sentCampaignMessage(org);
    const db = await getDb();
    await unsubscribeByToken(db, unsubscribeToken(sent), "link");
    const listed = await api("GET", `/api/v1/suppressions?q=${encodeURIComponent(sent.email)}`, {
      token: org.members.admin.token,
    });
    const id = listed.json.data[0].id as string;
    const denied = await api("DELETE", `/api/v1/suppressions/${id}`, {
      token: org.members.rep.token,
    });
    expect(denied.status).toBe(403);
    const foreign = await api("DELETE", `/api/v1/suppressions/${id}`, {
      token: other.members.owner.token,
    });
    expect(foreign.status).toBe(404);
    expect(await isSuppressed(db, org.id, sent.email)).toBe(true);

    const res = await api("DELETE", `/api/v1/suppressions/${id}`, {
      token: org.members.admin.token,
    });
    expect(res.status).toBe(204);
    expect(await isSuppressed(db, org.id, sent.email)).toBe(false);
    const [lead] = await db.select().from(leads).where(eq(leads.id, sent.leadId));
    expect(lead!.unsubscribed).toBe(false);
    expect(
      (await api("DELETE", `/api/v1/suppressions/${id}`, { token: org.members.admin.token }))
        .status,
    ).toBe(404);
  });

  it("rejects bad input with a 400 problem", async () => {
    for (const body of [{}, { email: "not-an-email" }, { email: "a@b.test", reason: "bounced" }]) {
      const res = await api("POST", "/api/v1/suppressions", {
        token: org.members.owner.token,
        body,
      });
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    }
  });
});
