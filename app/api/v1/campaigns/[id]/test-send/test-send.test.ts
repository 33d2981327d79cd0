import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { emailMessages, emailSettings } from "@/db/schema";
import {
  createTestCampaign,
  createTestLead,
  createTestMailbox,
  testStep,
} from "@/lib/campaigns/sequence/test-campaign";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";

let org: TestOrg;
let campaignId: string;
let mailboxId: string;

beforeAll(async () => {
  org = await createTestOrg("Test send");
  await createTestMailbox(org.id, { name: "Default" });
  mailboxId = (await createTestMailbox(org.id, { isDefault: false, fromName: "Campaign Sender" }))
    .id;
  const step = testStep(1);
  step.variants.push({ ...step.variants[0]!, id: "v-b", label: "B", subject: "Other {{company}}" });
  const { campaign } = await createTestCampaign(org.id, {
    steps: [step, testStep(2, { delayDays: 1 })],
    leadIds: [],
    launchedAt: new Date(),
    values: { status: "draft", launchedAt: null, mailboxIds: [mailboxId] },
  });
  campaignId = campaign.id;
  await (
    await getDb()
  )
    .insert(emailSettings)
    .values({ organizationId: org.id, postalAddress: "1 Main St, Springfield" });
});

async function message(id: string) {
  const [row] = await (await getDb()).select().from(emailMessages).where(eq(emailMessages.id, id));
  return row!;
}

describe("POST /api/v1/campaigns/{id}/test-send", () => {
  it("sends the first step, rendered with sample values, to the caller from the campaign's mailbox", async () => {
    const res = await api("POST", `/api/v1/campaigns/${campaignId}/test-send`, {
      token: org.members.rep.token,
      body: {},
    });
    expect(res.status).toBe(202);
    expect(res.json.to).toBe(org.members.rep.email);
    const sent = await message(res.json.messageId);
    expect(sent).toMatchObject({
      kind: "test",
      toAddress: org.members.rep.email,
      subject: "[Test] Step 1 for Alex",
      fromAddress: expect.stringContaining('"Campaign Sender" <'),
      mailboxId,
      campaignId: null,
    });
    // Same composition as a real send: signature and footer, but a harmless unsubscribe anchor.
    expect(sent.html).toContain("Ada Lovelace");
    expect(sent.html).toContain("1 Main St, Springfield");
    expect(sent.html).toContain('href="#unsubscribe-preview"');
    expect(sent.headers).toEqual({});
  });

  it("renders a chosen step, variant and lead", async () => {
    const lead = await createTestLead(org.id, { firstName: "Marie", company: "Curie Labs" });
    const res = await api("POST", `/api/v1/campaigns/${campaignId}/test-send`, {
      token: org.members.owner.token,
      body: { stepIndex: 0, variantId: "v-b", leadId: lead.id },
    });
    expect(res.status).toBe(202);
    expect((await message(res.json.messageId)).subject).toBe("[Test] Other Curie Labs");
    const second = await api("POST", `/api/v1/campaigns/${campaignId}/test-send`, {
      token: org.members.owner.token,
      body: { stepIndex: 1, leadId: lead.id },
    });
    expect((await message(second.json.messageId)).subject).toBe("[Test] Step 2 for Marie");
  });

  it("refuses a step or variant that doesn't exist, a recipient address and an API key", async () => {
    const call = (body: unknown, token = org.members.owner.token) =>
      api("POST", `/api/v1/campaigns/${campaignId}/test-send`, { token, body });
    const noStep = await call({ stepIndex: 5 });
    expect(noStep.status).toBe(400);
    expect(noStep.json.errors[0].path).toBe("stepIndex");
    expect((await call({ variantId: "nope" })).json.errors[0].path).toBe("variantId");
    // Test mail only ever goes to the caller.
    expect((await call({ to: "someone@example.com" })).status).toBe(400);
    const junk = await call({ stepIndex: "x", leadId: "not-a-uuid" });
    expect(junk.status).toBe(400);
    const viaKey = await call({}, org.keys.integration.secret);
    expect(viaKey.status).toBe(403);
    expect(viaKey.json.code).toBe("forbidden");
  });

  it("is a 404 for another organization's campaign and for a lead the caller can't see", async () => {
    const other = await createTestOrg("Other");
    const res = await api("POST", `/api/v1/campaigns/${campaignId}/test-send`, {
      token: other.members.owner.token,
      body: {},
    });
    expect(res.status).toBe(404);
    const foreignLead = await createTestLead(other.id);
    const hidden = await api("POST", `/api/v1/campaigns/${campaignId}/test-send`, {
      token: org.members.owner.token,
      body: { leadId: foreignLead.id },
    });
    expect(hidden.status).toBe(404);
  });
});
