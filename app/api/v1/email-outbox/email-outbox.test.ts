import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { emailMessages } from "@/db/schema";
import { newId } from "@/lib/crypto/ids";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";

let org: TestOrg;
let other: TestOrg;
const campaignId = newId();
const leadId = newId();

async function message(orgId: string, extra: Partial<typeof emailMessages.$inferInsert> = {}) {
  const db = await getDb();
  const [row] = await db
    .insert(emailMessages)
    .values({
      organizationId: orgId,
      kind: "campaign",
      fromAddress: "rep@example.com",
      toAddress: "lead@example.com",
      subject: "Hello",
      html: "<p>Hi</p>",
      transport: "local_outbox",
      status: "sent",
      ...extra,
    })
    .returning();
  return row!;
}

beforeAll(async () => {
  org = await createTestOrg("Outbox");
  other = await createTestOrg("Outbox other");
});

describe("email outbox", () => {
  it("filters by campaign and lead and shows first open/click and the headers", async () => {
    const opened = new Date("2026-11-20T10:00:00Z");
    const mine = await message(org.id, {
      campaignId,
      leadId,
      stepIndex: 1,
      openedAt: opened,
      headers: { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    });
    await message(org.id, { kind: "system" });
    await message(other.id, { campaignId });

    const token = org.members.admin.token;
    const byCampaign = await api("GET", `/api/v1/email-outbox?campaignId=${campaignId}`, { token });
    expect(byCampaign.status).toBe(200);
    expect(byCampaign.json.data).toHaveLength(1);
    expect(byCampaign.json.data[0]).toMatchObject({
      id: mine.id,
      campaignId,
      leadId,
      stepIndex: 1,
      openedAt: opened.toISOString(),
      clickedAt: null,
    });
    const byLead = await api("GET", `/api/v1/email-outbox?leadId=${leadId}&kind=campaign`, {
      token,
    });
    expect(byLead.json.data.map((m: { id: string }) => m.id)).toEqual([mine.id]);

    const detail = await api("GET", `/api/v1/email-outbox/${mine.id}`, { token });
    expect(detail.json.headers).toEqual({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });

    const bad = await api("GET", "/api/v1/email-outbox?campaignId=nope", { token });
    expect(bad.status).toBe(400);
  });
});
