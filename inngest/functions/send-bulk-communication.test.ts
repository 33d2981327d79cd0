import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { conversationMessages, leads } from "@/db/schema";
import { setLeadPreferences } from "@/lib/communication/preferences";
import { api } from "@/lib/testing/api-client";
import { channelFakes, configureTwilio, phoneLead } from "@/lib/testing/channels-fixtures";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { sendBulkCommunicationFn } from "./send-bulk-communication";

let org: TestOrg;

beforeAll(async () => {
  await channelFakes();
  org = await createTestOrg("Bulk");
  await configureTwilio(org);
});

describe("bulk send", () => {
  it("sends lead by lead in the background and reports every lead's outcome", async () => {
    const ok = await phoneLead(org);
    const declined = await phoneLead(org);
    await setLeadPreferences(org.ctx("owner"), { leadId: declined.id, consent: { sms: "denied" } });
    const dnc = await phoneLead(org);
    await (await getDb()).update(leads).set({ doNotContact: true }).where(eq(leads.id, dnc.id));
    const noPhone = await phoneLead(org, { phone: null });
    const refused = await phoneLead(org, { phone: "+15550009876" });
    const foreign = await phoneLead(await createTestOrg("Bulk other"));
    const ids = [ok.id, declined.id, dnc.id, noPhone.id, refused.id, foreign.id];

    const started = await api("POST", "/api/v1/communication/send-bulk", {
      token: org.members.rep.token,
      body: { channel: "sms", leadIds: ids, body: "Open house on Saturday." },
    });
    expect(started.status).toBe(202);
    expect(started.json).toMatchObject({ status: "queued", total: 6, skipped: 1, pending: 5 });

    const engine = new InngestTestEngine({
      function: sendBulkCommunicationFn,
      events: [
        {
          name: "communication/bulk-send.started",
          data: { organizationId: org.id, bulkSendId: started.json.id },
        },
      ],
    });
    const { result } = await engine.execute();
    expect(result).toEqual({ handled: 5 });

    const progress = await api("GET", `/api/v1/communication/send-bulk/${started.json.id}`, {
      token: org.members.rep.token,
    });
    expect(progress.json).toMatchObject({
      status: "completed",
      total: 6,
      sent: 1,
      skipped: 4,
      failed: 1,
      pending: 0,
    });
    const byLead = Object.fromEntries(
      progress.json.results.map((r: { leadId: string; status: string; reason: string | null }) => [
        r.leadId,
        `${r.status} ${r.reason?.split(":")[0] ?? ""}`.trim(),
      ]),
    );
    expect(byLead).toEqual({
      [ok.id]: "sent",
      [declined.id]: "skipped consent_denied",
      [dnc.id]: "skipped do_not_contact",
      [noPhone.id]: "skipped no_channel_address",
      [refused.id]: "failed provider_error",
      [foreign.id]: "skipped not_found",
    });
    const sent = progress.json.results.find((r: { leadId: string }) => r.leadId === ok.id);
    const [message] = await (
      await getDb()
    )
      .select()
      .from(conversationMessages)
      .where(eq(conversationMessages.id, sent.messageId));
    expect(message).toMatchObject({
      leadId: ok.id,
      channel: "sms",
      body: "Open house on Saturday.",
      authorUserId: org.members.rep.id,
    });

    // Run again (a redelivered event): nothing is pending, nothing is sent twice.
    const again = new InngestTestEngine({
      function: sendBulkCommunicationFn,
      events: [
        {
          name: "communication/bulk-send.started",
          data: { organizationId: org.id, bulkSendId: started.json.id },
        },
      ],
    });
    expect((await again.execute()).result).toEqual({ handled: 0 });
  });

  it("refuses up front when the channel isn't set up, and caps the batch", async () => {
    const lead = await phoneLead(org);
    const res = await api("POST", "/api/v1/communication/send-bulk", {
      token: org.members.owner.token,
      body: { channel: "telegram", leadIds: [lead.id], body: "Hi" },
    });
    expect(res.status).toBe(422);
    expect(res.json.code).toBe("channel_not_configured");
    const tooMany = await api("POST", "/api/v1/communication/send-bulk", {
      token: org.members.owner.token,
      body: {
        channel: "sms",
        leadIds: Array.from({ length: 1001 }, () => lead.id),
        body: "Hi",
      },
    });
    expect(tooMany.status).toBe(400);
  });
});
