import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import {
  campaignRecipients,
  campaigns,
  emailSuppressions,
  outboxEvents,
  type CampaignStatus,
} from "@/db/schema";
import { takeOverLead } from "@/lib/conversations/take-over";
import { newId } from "@/lib/crypto/ids";
import { createLead } from "@/lib/leads/create-lead";
import { deleteLead } from "@/lib/leads/delete-lead";
import { createMailbox } from "@/lib/mailboxes/mailboxes";
import { createSavedView } from "@/lib/saved-views/saved-views";
import { api } from "@/lib/testing/api-client";
import { campaignBody } from "@/lib/testing/campaign-fixtures";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";

let org: TestOrg;
let other: TestOrg;
const tag = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 6);

type LeadExtra = Parameters<typeof createLead>[1];
const lead = (o: TestOrg, extra: Partial<LeadExtra> = {}) =>
  createLead(o.ctx("owner"), {
    firstName: "Recipient",
    email: `r-${tag()}@example.test`,
    ownerId: null,
    ...extra,
  } as LeadExtra);

async function campaign(o: TestOrg = org, body: Record<string, unknown> = {}) {
  const res = await api("POST", "/api/v1/campaigns", {
    token: o.members.owner.token,
    body: { ...campaignBody(), ...body },
  });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json.id as string;
}

const setStatus = async (id: string, status: CampaignStatus) =>
  (await getDb()).update(campaigns).set({ status }).where(eq(campaigns.id, id));

const add = (id: string, body: unknown, token = org.members.owner.token) =>
  api("POST", `/api/v1/campaigns/${id}/recipients`, { token, body });

async function recipientRows(campaignId: string) {
  return (await getDb())
    .select()
    .from(campaignRecipients)
    .where(eq(campaignRecipients.campaignId, campaignId));
}

const startedEvents = async (campaignId: string) =>
  (await getDb())
    .select()
    .from(outboxEvents)
    .where(
      sql`${outboxEvents.name} = 'campaign/started' and ${outboxEvents.data}->>'campaignId' = ${campaignId}`,
    );

beforeAll(async () => {
  org = await createTestOrg("Recipients");
  other = await createTestOrg("Recipients other");
});

describe("adding recipients by id", () => {
  it("adds the eligible leads as queued and leaves out each other one with its reason", async () => {
    const mailbox = (await createMailbox(org.ctx("owner"), {
      name: `Box ${tag()}`,
      fromName: "Sales",
      fromAddress: `box-${tag()}@example.test`,
    }))!;
    const id = await campaign(org, { mailboxIds: [mailbox.id] });
    const ok = [await lead(org), await lead(org, { ownerId: org.members.rep.id })];
    const dnc = await lead(org, { doNotContact: true });
    const unsubscribed = await lead(org, { unsubscribed: true });
    const noEmail = await lead(org, { email: null, company: "No Address Ltd" });
    const suppressed = await lead(org);
    await (await getDb()).insert(emailSuppressions).values({
      organizationId: org.id,
      email: suppressed.email!.toLowerCase(),
      reason: "bounced",
    });
    const busy = await lead(org);
    const elsewhere = await campaign();
    expect((await add(elsewhere, { leadIds: [busy.id] })).json.added).toBe(1);
    await setStatus(elsewhere, "active");
    const deleted = await lead(org);
    await deleteLead(org.ctx("owner"), deleted.id);
    const heldByRep = await lead(org);
    await (
      await getDb()
    ).transaction((tx) => takeOverLead(tx, org.ctx("owner"), { leadId: heldByRep.id }));
    const foreign = await lead(other);
    const unknown = newId();

    const first = await add(id, { leadIds: [ok[0]!.id] });
    expect(first.json).toMatchObject({ added: 1, excluded: 0 });

    const res = await add(id, {
      leadIds: [
        ok[0]!.id,
        ok[1]!.id,
        ok[1]!.id,
        dnc.id,
        unsubscribed.id,
        noEmail.id,
        suppressed.id,
        busy.id,
        heldByRep.id,
        deleted.id,
        foreign.id,
        unknown,
      ],
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json.added).toBe(1);
    expect(res.json.excluded).toBe(10);
    expect(res.json.excludedByReason).toEqual({
      already_in_campaign: 1,
      do_not_contact: 1,
      unsubscribed: 1,
      no_email: 1,
      suppressed: 1,
      in_other_campaign: 1,
      taken_over: 1,
      not_found: 3,
    });
    const reasonOf = new Map(
      res.json.exclusions.map((e: { leadId: string; reason: string }) => [e.leadId, e.reason]),
    );
    expect(Object.fromEntries(reasonOf)).toEqual({
      [ok[0]!.id]: "already_in_campaign",
      [dnc.id]: "do_not_contact",
      [unsubscribed.id]: "unsubscribed",
      [noEmail.id]: "no_email",
      [suppressed.id]: "suppressed",
      [busy.id]: "in_other_campaign",
      [heldByRep.id]: "taken_over",
      [deleted.id]: "not_found",
      [foreign.id]: "not_found",
      [unknown]: "not_found",
    });

    const rows = await recipientRows(id);
    expect(rows.map((r) => r.leadId).sort()).toEqual(ok.map((l) => l.id).sort());
    for (const r of rows) {
      expect(r).toMatchObject({
        state: "queued",
        nextStepIndex: 0,
        mailboxId: mailbox.id,
        addedBy: org.members.owner.id,
        organizationId: org.id,
      });
      // Made in SQL, still a time-ordered UUIDv7.
      expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    const got = await api("GET", `/api/v1/campaigns/${id}`, { token: org.members.rep.token });
    expect(got.json.recipients).toMatchObject({ queued: 2, total: 2 });
  });

  it("spreads recipients over the campaign's mailboxes", async () => {
    const boxes = [];
    for (let i = 0; i < 2; i++) {
      boxes.push(
        (await createMailbox(org.ctx("owner"), {
          name: `Spread ${tag()}`,
          fromName: "Sales",
          fromAddress: `spread-${tag()}@example.test`,
        }))!.id,
      );
    }
    const id = await campaign(org, { mailboxIds: boxes });
    const leadIds = [];
    for (let i = 0; i < 16; i++) leadIds.push((await lead(org)).id);
    expect((await add(id, { leadIds })).json.added).toBe(16);
    const used = new Set((await recipientRows(id)).map((r) => r.mailboxId));
    expect([...used].sort()).toEqual([...boxes].sort());

    // Changing the campaign's mailboxes moves the recipients nothing was sent to yet.
    await api("PATCH", `/api/v1/campaigns/${id}`, {
      token: org.members.owner.token,
      body: { mailboxIds: [boxes[0]] },
    });
    expect(new Set((await recipientRows(id)).map((r) => r.mailboxId))).toEqual(new Set([boxes[0]]));
  });

  it("allowConcurrentCampaigns lets a lead busy elsewhere in; a draft elsewhere never blocks", async () => {
    const busy = await lead(org);
    const elsewhere = await campaign();
    await add(elsewhere, { leadIds: [busy.id] });
    const draftOnly = await campaign();
    expect((await add(draftOnly, { leadIds: [busy.id] })).json.added).toBe(1);
    await setStatus(elsewhere, "paused");
    const strict = await campaign();
    expect((await add(strict, { leadIds: [busy.id] })).json.excludedByReason).toMatchObject({
      in_other_campaign: 1,
    });
    const relaxed = await campaign(org, { allowConcurrentCampaigns: true });
    expect((await add(relaxed, { leadIds: [busy.id] })).json.added).toBe(1);
  });

  it("a rep adds only leads they can see: another rep's lead is not_found", async () => {
    const id = await campaign();
    const own = await lead(org, { ownerId: org.members.rep.id });
    const theirs = await lead(org, { ownerId: org.members.rep2.id });
    const res = await add(id, { leadIds: [own.id, theirs.id] }, org.members.rep.token);
    expect(res.json).toMatchObject({ added: 1, excludedByReason: { not_found: 1 } });
    expect(res.json.exclusions).toEqual([{ leadId: theirs.id, reason: "not_found" }]);
    // The manager sees the team's leads.
    const managed = await add(id, { leadIds: [theirs.id] }, org.members.manager.token);
    expect(managed.json.added).toBe(1);
  });

  it("the seed's alias POST /campaigns/{id}/leads does the same", async () => {
    const id = await campaign();
    const l = await lead(org);
    const res = await api("POST", `/api/v1/campaigns/${id}/leads`, {
      token: org.keys.integration.secret,
      body: { leadIds: [l.id] },
    });
    expect(res.status).toBe(200);
    expect(res.json.added).toBe(1);
  });
});

describe("adding recipients by filter or saved view", () => {
  it("adds every visible lead matching the leads table's filters", async () => {
    const label = `tag${tag()}`;
    const mine = [
      await lead(org, { tags: [label] }),
      await lead(org, { tags: [label], ownerId: org.members.rep.id }),
    ];
    await lead(org, { tags: [label], ownerId: org.members.rep2.id });
    await lead(org, { tags: [label], doNotContact: true });
    await lead(org, { tags: ["unrelated"] });

    const id = await campaign();
    const asRep = await add(id, { filter: { tag: label } }, org.members.rep.token);
    expect(asRep.status, JSON.stringify(asRep.json)).toBe(200);
    expect(asRep.json).toMatchObject({ added: 2, excludedByReason: { do_not_contact: 1 } });
    expect((await recipientRows(id)).map((r) => r.leadId).sort()).toEqual(
      mine.map((l) => l.id).sort(),
    );
    const asAdmin = await add(id, { filter: { tag: [label] } }, org.members.admin.token);
    expect(asAdmin.json).toMatchObject({
      added: 1,
      excludedByReason: { already_in_campaign: 2, do_not_contact: 1 },
    });
    const owned = await add(
      await campaign(),
      { filter: { tag: label, ownerId: "me" } },
      org.members.rep.token,
    );
    expect(owned.json.added).toBe(1);
  });

  it("adds the leads of one of the caller's saved views", async () => {
    const label = `view${tag()}`;
    await lead(org, { tags: [label], company: "Acme" });
    await lead(org, { tags: [label], company: "Other" });
    const view = await createSavedView(org.ctx("rep"), {
      resource: "leads",
      name: `Campaign view ${tag()}`,
      state: {
        query: { tag: label, q: "acme", sort: "-createdAt", page: "2" },
        columns: ["name"],
        density: "compact",
      },
    });
    const id = await campaign();
    const res = await add(id, { savedViewId: view.id }, org.members.rep.token);
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json.added).toBe(1);

    // Someone else's view, and an API key (which has no views), get a 422 naming the field.
    for (const token of [org.members.rep2.token, org.keys.integration.secret]) {
      const refused = await add(id, { savedViewId: view.id }, token);
      expect(refused.status).toBe(422);
      expect(refused.json.errors[0].path).toBe("savedViewId");
    }
    const trash = await createSavedView(org.ctx("rep"), {
      resource: "leads",
      name: `Trash ${tag()}`,
      state: { query: { deleted: "true" }, columns: ["name"], density: "compact" },
    });
    expect((await add(id, { savedViewId: trash.id }, org.members.rep.token)).status).toBe(422);
    const stale = await createSavedView(org.ctx("rep"), {
      resource: "leads",
      name: `Stale ${tag()}`,
      state: { query: { "cf.gone": "x" }, columns: ["name"], density: "compact" },
    });
    const staleRes = await add(id, { savedViewId: stale.id }, org.members.rep.token);
    expect(staleRes.status).toBe(422);
  });

  it("validates the body: exactly one source, known filters, never the trash", async () => {
    const id = await campaign();
    const l = await lead(org);
    for (const body of [
      {},
      { leadIds: [l.id], filter: {} },
      { leadIds: [] },
      { leadIds: ["nope"] },
      { filter: { color: "red" } },
      { filter: { minScore: "high" } },
      { savedViewId: "x" },
    ]) {
      const res = await add(id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await add(id, { filter: { deleted: "true" } })).status).toBe(422);
    expect(await recipientRows(id)).toEqual([]);
  });
});

describe("adding by campaign status", () => {
  it("refuses stopped and completed campaigns; an active one starts the new recipients", async () => {
    const id = await campaign();
    const l = await lead(org);
    for (const status of ["stopped", "completed"] as const) {
      await setStatus(id, status);
      const res = await add(id, { leadIds: [l.id] });
      expect(res.status).toBe(409);
      expect(res.json.campaignStatus).toBe(status);
    }
    await setStatus(id, "paused");
    expect((await add(id, { leadIds: [l.id] })).json.added).toBe(1);
    expect(await startedEvents(id)).toEqual([]);

    await setStatus(id, "active");
    expect((await add(id, { leadIds: [l.id] })).json.added).toBe(0);
    expect(await startedEvents(id)).toEqual([]);
    expect((await add(id, { leadIds: [(await lead(org)).id] })).json.added).toBe(1);
    expect((await startedEvents(id)).map((e) => e.data)).toEqual([
      { organizationId: org.id, campaignId: id },
    ]);
  });
});

describe("listing and removing recipients", () => {
  it("lists with the lead's name, filters by state and search, and pages", async () => {
    const id = await campaign();
    const named = await lead(org, { firstName: "Zebedee", lastName: `Unique${tag()}` });
    const others = [await lead(org), await lead(org)];
    const hidden = await lead(org, { ownerId: org.members.rep2.id });
    await add(id, { leadIds: [named.id, ...others.map((o) => o.id), hidden.id] });
    await (
      await getDb()
    )
      .update(campaignRecipients)
      .set({ state: "replied" })
      .where(eq(campaignRecipients.leadId, others[0]!.id));

    const token = org.members.owner.token;
    const all = await api("GET", `/api/v1/campaigns/${id}/recipients?perPage=2`, { token });
    expect(all.status).toBe(200);
    expect(all.json.pagination.total).toBe(4);
    expect(all.json.data).toHaveLength(2);
    const page2 = await api("GET", `/api/v1/campaigns/${id}/recipients`, {
      token,
      query: { perPage: "2", cursor: all.json.pagination.nextCursor },
    });
    expect(page2.json.data).toHaveLength(2);
    expect(
      new Set([...all.json.data, ...page2.json.data].map((r: { leadId: string }) => r.leadId)).size,
    ).toBe(4);

    const found = await api("GET", `/api/v1/campaigns/${id}/recipients?q=zebedee`, { token });
    expect(found.json.data).toEqual([
      expect.objectContaining({
        leadId: named.id,
        lead: { displayName: named.displayName, email: named.email, company: null },
        state: "queued",
        stateReason: null,
        nextStepIndex: 0,
        lastSentAt: null,
      }),
    ]);
    const replied = await api("GET", `/api/v1/campaigns/${id}/recipients?state=replied`, {
      token,
    });
    expect(replied.json.data.map((r: { leadId: string }) => r.leadId)).toEqual([others[0]!.id]);
    const byName = await api("GET", `/api/v1/campaigns/${id}/recipients?sort=displayName`, {
      token,
    });
    expect(byName.status).toBe(200);
    expect((await api("GET", `/api/v1/campaigns/${id}/recipients?state=x`, { token })).status).toBe(
      400,
    );

    // A rep sees the recipients whose leads they can see.
    const asRep = await api("GET", `/api/v1/campaigns/${id}/recipients`, {
      token: org.members.rep.token,
    });
    expect(asRep.json.data.map((r: { leadId: string }) => r.leadId)).not.toContain(hidden.id);
    expect(asRep.json.pagination.total).toBe(3);
  });

  it("removes a recipient: state removed, its sequence told to stop; unknown ones are 404", async () => {
    const id = await campaign();
    const l = await lead(org);
    const theirs = await lead(org, { ownerId: org.members.rep2.id });
    await add(id, { leadIds: [l.id, theirs.id] });
    const token = org.members.rep.token;
    const path = `/api/v1/campaigns/${id}/recipients/${l.id}`;
    expect((await api("DELETE", path, { token })).status).toBe(204);
    const [row] = (await recipientRows(id)).filter((r) => r.leadId === l.id);
    expect(row).toMatchObject({ state: "removed", stateReason: "removed from the campaign" });
    const stopped = await (
      await getDb()
    )
      .select()
      .from(outboxEvents)
      .where(
        sql`${outboxEvents.name} = 'campaign/recipient.stopped' and ${outboxEvents.data}->>'campaignId' = ${id}`,
      );
    expect(stopped.map((e) => e.data)).toEqual([
      { organizationId: org.id, campaignId: id, recipientId: row!.id, leadId: l.id },
    ]);
    // Removing it again changes nothing and is still fine.
    expect((await api("DELETE", path, { token })).status).toBe(204);
    expect((await api("GET", `/api/v1/campaigns/${id}`, { token })).json.recipients).toMatchObject({
      removed: 1,
      queued: 1,
    });

    expect(
      (await api("DELETE", `/api/v1/campaigns/${id}/recipients/${theirs.id}`, { token })).status,
    ).toBe(404);
    expect(
      (await api("DELETE", `/api/v1/campaigns/${id}/recipients/${newId()}`, { token })).status,
    ).toBe(404);
    expect((await api("DELETE", path, { token: other.members.owner.token })).status).toBe(404);
    expect(
      (
        await api("POST", `/api/v1/campaigns/${id}/recipients`, {
          token: other.members.owner.token,
          body: { leadIds: [(await lead(other)).id] },
        })
      ).status,
    ).toBe(404);
  });
});
