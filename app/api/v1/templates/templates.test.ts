import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { emailMessages } from "@/db/schema";
import { createLead } from "@/lib/leads/create-lead";
import { createCustomField } from "@/lib/leads/manage-options";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";

let org: TestOrg;
let other: TestOrg;
const tag = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 6);

const body = (extra: Record<string, unknown> = {}) => ({
  name: `Welcome ${tag()}`,
  category: "Onboarding",
  subject: "Hi {{firstName|there}} from {{company}}",
  html: '<p>Hello {{ firstName | there }} ({{custom.budget|n/a}})</p><a href="{{unsubscribeUrl}}">Unsubscribe</a>',
  ...extra,
});

async function create(token: string, extra: Record<string, unknown> = {}) {
  const res = await api("POST", "/api/v1/templates", { token, body: body(extra) });
  expect(res.status).toBe(201);
  return res.json;
}

beforeAll(async () => {
  org = await createTestOrg("Templates");
  other = await createTestOrg("Templates other");
});

describe("templates CRUD", () => {
  it("creates, reads, updates, replaces and deletes, deriving the variables used", async () => {
    const token = org.members.rep.token;
    const made = await create(token, { category: "  " });
    expect(made).toMatchObject({
      category: null,
      text: null,
      favorite: false,
      variables: ["firstName", "company", "custom.budget", "unsubscribeUrl"],
      createdBy: { id: org.members.rep.id },
    });
    const got = await api("GET", `/api/v1/templates/${made.id}`, {
      token: org.members.manager.token,
    });
    expect(got.json.id).toBe(made.id);

    const patched = await api("PATCH", `/api/v1/templates/${made.id}`, {
      token,
      body: { subject: "New {{lastName}}", text: "Plain {{email}}" },
    });
    expect(patched.json).toMatchObject({ subject: "New {{lastName}}", text: "Plain {{email}}" });
    expect(patched.json.variables).toEqual([
      "lastName",
      "firstName",
      "custom.budget",
      "unsubscribeUrl",
      "email",
    ]);

    const put = await api("PUT", `/api/v1/templates/${made.id}`, {
      token,
      body: { name: "Replaced", category: "Follow-up", subject: "S", html: "<p>H</p>", text: null },
    });
    expect(put.json).toMatchObject({
      name: "Replaced",
      category: "Follow-up",
      text: null,
      variables: [],
    });
    expect(
      (await api("PUT", `/api/v1/templates/${made.id}`, { token, body: { name: "x" } })).status,
    ).toBe(400);
    expect(
      (
        await api("POST", "/api/v1/templates", {
          token,
          body: { ...body(), organizationId: org.id },
        })
      ).status,
    ).toBe(400);

    expect((await api("DELETE", `/api/v1/templates/${made.id}`, { token })).status).toBe(204);
    expect((await api("GET", `/api/v1/templates/${made.id}`, { token })).status).toBe(404);
  });

  it("lists with search, category, sort and pagination", async () => {
    const token = org.members.admin.token;
    const word = tag();
    await create(token, { name: `B ${word}`, category: "Cold" });
    await create(token, { name: `A ${word}`, category: "Warm" });
    await create(token, { name: `C other`, subject: `about ${word}`, category: "Cold" });
    const all = await api("GET", `/api/v1/templates?q=${word}&sort=name`, { token });
    expect(all.status).toBe(200);
    expect(all.json.data.map((t: { name: string }) => t.name)).toEqual([
      `A ${word}`,
      `B ${word}`,
      "C other",
    ]);
    expect(all.headers.get("x-total-count")).toBe("3");
    const cold = await api("GET", `/api/v1/templates?q=${word}&category=Cold&perPage=1&sort=name`, {
      token,
    });
    expect(cold.json.data.map((t: { name: string }) => t.name)).toEqual([`B ${word}`]);
    expect(cold.json.pagination).toMatchObject({ total: 2, totalPages: 2 });
    const next = await api(
      "GET",
      `/api/v1/templates?q=${word}&category=Cold&perPage=1&sort=name&cursor=${cold.json.pagination.nextCursor}`,
      { token },
    );
    expect(next.json.data.map((t: { name: string }) => t.name)).toEqual(["C other"]);
    expect((await api("GET", "/api/v1/templates?sort=bogus", { token })).status).toBe(400);
    expect((await api("GET", "/api/v1/templates?color=red", { token })).status).toBe(400);
    const categories = await api("GET", "/api/v1/templates/categories", { token });
    expect(categories.json.data).toEqual(expect.arrayContaining(["Cold", "Warm"]));
  });

  it("duplicates one or many and sets a category", async () => {
    const token = org.members.manager.token;
    const a = await create(token, { name: "Original" });
    const copy = await api("POST", `/api/v1/templates/${a.id}/duplicate`, {
      token: org.members.rep.token,
    });
    expect(copy.status).toBe(201);
    expect(copy.json).toMatchObject({ name: "Original (copy)", subject: a.subject, html: a.html });
    expect(copy.json.id).not.toBe(a.id);

    const moved = await api("PATCH", `/api/v1/templates/${a.id}/category`, {
      token,
      body: { category: "Nurture" },
    });
    expect(moved.json.category).toBe("Nurture");

    const missing = "00000000-0000-7000-8000-000000000000";
    const batch = await api("POST", "/api/v1/templates/batch-duplicate", {
      token,
      body: { ids: [a.id, missing] },
    });
    expect(batch.json).toMatchObject({
      succeeded: 1,
      failed: 1,
      results: [
        { index: 0, id: a.id, ok: true },
        { index: 1, id: missing, ok: false },
      ],
    });
    const dupId = batch.json.results[0].newId;
    const del = await api("DELETE", "/api/v1/templates/batch-delete", {
      token,
      body: { ids: [dupId, copy.json.id, dupId] },
    });
    expect(del.json).toMatchObject({ succeeded: 2, failed: 1 });
    expect((await api("GET", `/api/v1/templates/${dupId}`, { token })).status).toBe(404);
  });

  it("keeps favorites per user", async () => {
    const rep = org.members.rep.token;
    const t = await create(rep);
    const starred = await api("POST", `/api/v1/templates/${t.id}/favorite`, { token: rep });
    expect(starred.json.favorite).toBe(true);
    // Idempotent.
    expect((await api("POST", `/api/v1/templates/${t.id}/favorite`, { token: rep })).status).toBe(
      200,
    );
    const mine = await api("GET", "/api/v1/templates?favorite=true&perPage=100", { token: rep });
    expect(mine.json.data.map((x: { id: string }) => x.id)).toContain(t.id);
    const theirs = await api("GET", "/api/v1/templates?favorite=true&perPage=100", {
      token: org.members.rep2.token,
    });
    expect(theirs.json.data.map((x: { id: string }) => x.id)).not.toContain(t.id);
    expect(
      (await api("GET", `/api/v1/templates/${t.id}`, { token: org.members.rep2.token })).json
        .favorite,
    ).toBe(false);
    // An API key has no favorites.
    expect(
      (
        await api("POST", `/api/v1/templates/${t.id}/favorite`, {
          token: org.keys.integration.secret,
        })
      ).status,
    ).toBe(403);

    const unstarred = await api("DELETE", `/api/v1/templates/${t.id}/favorite`, { token: rep });
    expect(unstarred.json.favorite).toBe(false);
  });
});

describe("rendering", () => {
  let leadId: string;
  let hiddenLeadId: string;
  let templateId: string;

  beforeAll(async () => {
    await createCustomField(org.ctx("owner"), { label: "Budget", key: "budget", type: "text" });
    const lead = await createLead(org.ctx("owner"), {
      firstName: "Ada",
      lastName: "Lovelace",
      company: "Tom & <Jerry>",
      email: `ada-${tag()}@example.test`,
      ownerId: org.members.rep.id,
      customFields: { budget: "5k" },
    });
    leadId = lead.id;
    const hidden = await createLead(org.ctx("owner"), {
      email: `hidden-${tag()}@example.test`,
      ownerId: org.members.rep2.id,
    });
    hiddenLeadId = hidden.id;
    templateId = (await create(org.members.rep.token)).id;
  });

  it("previews for a lead: values, fallbacks, custom fields, HTML escaping", async () => {
    const res = await api("POST", `/api/v1/templates/${templateId}/preview`, {
      token: org.members.rep.token,
      body: { leadId },
    });
    expect(res.status).toBe(200);
    expect(res.json.subject).toBe("Hi Ada from Tom & <Jerry>");
    expect(res.json.html).toContain("<p>Hello Ada (5k)</p>");
    expect(res.json.text).toContain("Hello Ada (5k)");
    expect(res.json.findings).toEqual([]);

    const hidden = await api("POST", `/api/v1/templates/${templateId}/preview`, {
      token: org.members.rep.token,
      body: { leadId: hiddenLeadId },
    });
    expect(hidden.status).toBe(404);
    // Without a lead, fallbacks apply.
    const bare = await api("POST", `/api/v1/templates/${templateId}/preview`, {
      token: org.members.rep.token,
      body: {},
    });
    expect(bare.json.subject).toBe("Hi there from");
    expect(bare.json.html).toContain("Hello there (n/a)");
  });

  it("renders a draft with escaping in HTML and variables that win over the lead's", async () => {
    const res = await api("POST", "/api/v1/templates/render", {
      token: org.members.rep.token,
      body: {
        subject: "{{company}}",
        html: "<b>{{company}}</b> {{jobTitle|friend}} {{sender.name}}",
        leadId,
        variables: { jobTitle: "CTO" },
      },
    });
    expect(res.json).toMatchObject({
      subject: "Tom & <Jerry>",
      html: `<b>Tom &amp; &lt;Jerry&gt;</b> CTO Templates rep`,
      text: "Tom & <Jerry> CTO Templates rep",
    });
    expect(res.json.findings.map((f: { code: string }) => f.code)).toEqual(["missing_unsubscribe"]);
  });

  it("validates a stored template", async () => {
    const bad = await create(org.members.rep.token, {
      subject: "",
      html: '<p>{{firstNme}} {{custom.budget}}</p><a href="ftp://x">x</a>',
    });
    const res = await api("POST", `/api/v1/templates/${bad.id}/validate`, {
      token: org.members.rep.token,
    });
    expect(res.json.valid).toBe(false);
    expect(res.json.findings.map((f: { code: string }) => f.code)).toEqual([
      "empty_subject",
      "unknown_variable",
      "broken_link",
      "missing_unsubscribe",
    ]);
    const good = await api("POST", `/api/v1/templates/${templateId}/validate`, {
      token: org.members.rep.token,
    });
    expect(good.json).toEqual({ valid: true, findings: [] });
  });

  it("sends a test email to the caller through the outbox", async () => {
    const res = await api("POST", `/api/v1/templates/${templateId}/test`, {
      token: org.members.rep.token,
      body: { leadId },
    });
    expect(res.status).toBe(202);
    expect(res.json.to).toBe(org.members.rep.email);
    const db = await getDb();
    const [mail] = await db
      .select()
      .from(emailMessages)
      .where(eq(emailMessages.id, res.json.emailMessageId));
    expect(mail).toMatchObject({
      organizationId: org.id,
      kind: "test",
      toAddress: org.members.rep.email,
      subject: "[Test] Hi Ada from Tom & <Jerry>",
    });
    expect(mail!.html).toContain("Hello Ada (5k)");
  });
});

describe("tenancy", () => {
  it("answers 404 to another organization for every template operation", async () => {
    const t = await create(org.members.owner.token);
    const token = other.members.owner.token;
    for (const [method, path, b] of [
      ["GET", `/api/v1/templates/${t.id}`],
      ["PATCH", `/api/v1/templates/${t.id}`, { name: "x" }],
      ["DELETE", `/api/v1/templates/${t.id}`],
      ["POST", `/api/v1/templates/${t.id}/duplicate`],
      ["POST", `/api/v1/templates/${t.id}/favorite`],
      ["POST", `/api/v1/templates/${t.id}/preview`, {}],
      ["POST", `/api/v1/templates/${t.id}/validate`],
      ["POST", `/api/v1/templates/${t.id}/test`, {}],
    ] as const) {
      const res = await api(method, path, { token, body: b });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    const list = await api("GET", "/api/v1/templates?perPage=100", { token });
    expect(list.json.data.map((x: { id: string }) => x.id)).not.toContain(t.id);
    const batch = await api("POST", "/api/v1/templates/batch-delete", {
      token,
      body: { ids: [t.id] },
    });
    expect(batch.json).toMatchObject({ succeeded: 0, failed: 1 });
    expect(
      (await api("GET", `/api/v1/templates/${t.id}`, { token: org.members.owner.token })).status,
    ).toBe(200);
  });
});
