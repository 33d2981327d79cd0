import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { aiUsage, auditLogs, productContextMessages } from "@/db/schema";
import { newId } from "@/lib/crypto/ids";
import { createLead } from "@/lib/leads/create-lead";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";

let org: TestOrg;

beforeAll(async () => {
  org = await createTestOrg("Product context");
});

const chat = (o: TestOrg, message: string, token = o.members.manager.token) =>
  api("POST", "/api/v1/product-context/chat", { token, body: { message } });

describe("product-context chat (offline)", () => {
  it("interviews step by step, records answers and keeps the log", async () => {
    const fresh = await createTestOrg("PC chat");
    const start = await api("GET", "/api/v1/product-context", { token: fresh.members.rep.token });
    expect(start.status).toBe(200);
    expect(start.json).toMatchObject({
      productName: null,
      targetIndustries: [],
      mode: "offline",
      completeness: { overall: 0 },
    });
    expect(start.json.nextQuestion).toMatch(/product called/);

    const first = await chat(fresh, "Acme Books is an invoicing tool for small accountancies.");
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({
      mode: "offline",
      changes: { productName: "Acme Books" },
      context: { productName: "Acme Books", mode: "offline" },
    });
    expect(first.json.reply).toMatch(/^Recorded product name “Acme Books”/);
    expect(first.json.questions).toHaveLength(1);

    // Answers the question it asked next (the weakest section), whatever it was.
    const asked = first.json.questions[0] as string;
    expect(asked).toMatch(/benefits|industries|Who buys|objections|priced|competitors/);

    const second = await chat(fresh, "Our customers are accounting firms and law firms.");
    expect(second.json.changes).toEqual({ targetIndustries: ["Accounting", "Law"] });
    expect(second.json.context.targetIndustries).toEqual(["Accounting", "Law"]);
    expect(second.json.context.completeness.overall).toBeGreaterThan(
      first.json.context.completeness.overall,
    );

    const log = await api("GET", "/api/v1/product-context/log", { token: fresh.members.rep.token });
    expect(log.status).toBe(200);
    expect(log.json.pagination.total).toBe(4);
    expect(log.json.data.map((e: { role: string }) => e.role)).toEqual([
      "user",
      "assistant",
      "user",
      "assistant",
    ]);
    expect(log.json.data[3]).toMatchObject({
      mode: "offline",
      changes: { targetIndustries: ["Accounting", "Law"] },
      authorId: null,
    });
    expect(log.json.data[2]).toMatchObject({ authorId: fresh.members.manager.id, mode: null });

    const page = await api("GET", "/api/v1/product-context/log?perPage=3", {
      token: fresh.members.rep.token,
    });
    expect(page.json.data).toHaveLength(3);
    const next = await api(
      "GET",
      `/api/v1/product-context/log?perPage=3&cursor=${page.json.pagination.nextCursor}`,
      { token: fresh.members.rep.token },
    );
    expect(next.json.data.map((e: { id: string }) => e.id)).toEqual([log.json.data[3].id]);

    const db = await getDb();
    const usage = await db
      .select()
      .from(aiUsage)
      .where(and(eq(aiUsage.organizationId, fresh.id), eq(aiUsage.purpose, "product_context")));
    expect(usage).toHaveLength(2);
    expect(usage[0]!.mode).toBe("offline");
  });

  it("resumes from the log: an answer to the asked question lands in that section", async () => {
    const fresh = await createTestOrg("PC resume");
    await api("PUT", "/api/v1/product-context", {
      token: fresh.members.admin.token,
      body: {
        productName: "Acme",
        description: "Invoicing for accountants",
        valuePropositions: ["a", "b", "c"],
        targetIndustries: ["Accounting", "Legal"],
        personas: [
          { title: "CFO", pains: ["slow close"] },
          { title: "Office manager", pains: ["chasing payments"] },
        ],
        objections: [
          { objection: "Too expensive", answer: "Pays back in 3 months" },
          { objection: "We use Excel", answer: "Excel breaks with two editors" },
        ],
        pricingNotes: "$49 per seat",
      },
    });
    // Before any chat (and after a direct edit) it answers the question the page shows.
    const shown = await api("GET", "/api/v1/product-context", { token: fresh.members.rep.token });
    expect(shown.json.nextQuestion).toMatch(/competitors/);
    const second = await chat(fresh, "Xero, QuickBooks");
    expect(second.json.changes).toEqual({ competitors: ["Xero", "QuickBooks"] });
    expect(second.json.context.completeness.overall).toBe(1);
    expect(second.json.questions).toEqual([]);
  });

  it("refuses an empty message and a rep's message; changes nothing", async () => {
    const empty = await chat(org, "   ");
    expect(empty.status).toBe(400);
    const nul = await chat(org, "\u0000\u0000");
    expect(nul.status).toBe(400);
    const rep = await chat(org, "We sell bikes.", org.members.rep.token);
    expect(rep.status).toBe(403);
    const db = await getDb();
    const rows = await db
      .select()
      .from(productContextMessages)
      .where(eq(productContextMessages.organizationId, org.id));
    expect(rows).toHaveLength(0);
  });
});

describe("PUT /api/v1/product-context", () => {
  it("replaces the given fields, keeps the others, and is audited", async () => {
    const fresh = await createTestOrg("PC put");
    const put = await api("PUT", "/api/v1/product-context", {
      token: fresh.members.manager.token,
      body: { productName: "Acme", competitors: ["Xero", "Sage"] },
    });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({ productName: "Acme", competitors: ["Xero", "Sage"] });
    expect(put.json.updatedBy).toBe(fresh.members.manager.id);
    const again = await api("PUT", "/api/v1/product-context", {
      token: fresh.members.admin.token,
      body: { competitors: ["Sage"] },
    });
    expect(again.json).toMatchObject({ productName: "Acme", competitors: ["Sage"] });
    const db = await getDb();
    const audits = await db
      .select()
      .from(auditLogs)
      .where(
        and(
          eq(auditLogs.organizationId, fresh.id),
          eq(auditLogs.action, "product_context.updated"),
        ),
      );
    expect(audits).toHaveLength(2);
    expect(audits.map((a) => a.changes)).toContainEqual({
      competitors: { from: ["Xero", "Sage"], to: ["Sage"] },
    });
  });

  it("drops NUL characters instead of failing", async () => {
    const fresh = await createTestOrg("PC nul");
    const put = await api("PUT", "/api/v1/product-context", {
      token: fresh.members.admin.token,
      body: { productName: "Ac\u0000me", competitors: ["X\u0000ero"] },
    });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({ productName: "Acme", competitors: ["Xero"] });
    const turn = await chat(fresh, "We compete with Sage\u0000 and Xero.");
    expect(turn.status).toBe(200);
    expect(turn.json.context.competitors).toEqual(["Xero", "Sage"]);
  });

  it("rejects unknown fields and over-long values with 400", async () => {
    const unknown = await api("PUT", "/api/v1/product-context", {
      token: org.members.admin.token,
      body: { organizationId: newId() },
    });
    expect(unknown.status).toBe(400);
    const long = await api("PUT", "/api/v1/product-context", {
      token: org.members.admin.token,
      body: { targetIndustries: ["x".repeat(400)] },
    });
    expect(long.status).toBe(400);
  });

  it("reps may read but not edit", async () => {
    const res = await api("PUT", "/api/v1/product-context", {
      token: org.members.rep.token,
      body: { productName: "Nope" },
    });
    expect(res.status).toBe(403);
  });
});

describe("another organization", () => {
  it("sees none of A's context or chat", async () => {
    const a = await createTestOrg("PC tenant A");
    const b = await createTestOrg("PC tenant B");
    await chat(a, "We sell invoicing software to accounting firms.");
    const context = await api("GET", "/api/v1/product-context", { token: b.members.owner.token });
    expect(context.json).toMatchObject({
      productName: null,
      description: null,
      targetIndustries: [],
    });
    const log = await api("GET", "/api/v1/product-context/log", { token: b.members.owner.token });
    expect(log.json.data).toEqual([]);
    const recs = await api("GET", "/api/v1/product-context/recommendations", {
      token: b.members.owner.token,
    });
    expect(recs.json.targetIndustries).toEqual([]);
  });
});

describe("GET /api/v1/product-context/recommendations", () => {
  async function lead(o: TestOrg, fields: Record<string, unknown>) {
    await createLead(o.ctx("owner"), {
      firstName: "Lead",
      email: `l-${newId().slice(-12)}@example.test`,
      ownerId: null,
      ...fields,
    });
  }

  it("computes win rates by segment and flags targets and non-targets from the data", async () => {
    const fresh = await createTestOrg("PC recs");
    await api("PUT", "/api/v1/product-context", {
      token: fresh.members.admin.token,
      body: { targetIndustries: ["Software companies", "Healthcare"] },
    });
    // Software (target): 1 won of 4 decided. Finance (not a target): 3 won of 3.
    // Healthcare (target): 2 lost, no win. Retail: 4 lost.
    const rows: [string, string, string, string][] = [
      ["software", "won", "website", "CTO"],
      ["software", "lost", "website", "CTO"],
      ["software", "lost", "import", "Developer"],
      ["software", "lost", "import", "Developer"],
      ["finance", "won", "referral", "CFO"],
      ["finance", "won", "referral", "cfo"],
      ["finance", "won", "referral", "CFO "],
      ["healthcare", "lost", "import", "Nurse"],
      ["healthcare", "lost", "import", "Nurse"],
      ["retail", "lost", "import", "Owner"],
      ["retail", "lost", "import", "Owner"],
      ["retail", "lost", "import", "Owner"],
      ["retail", "lost", "import", "Owner"],
      ["retail", "new", "import", "Owner"],
    ];
    for (const [industry, status, source, jobTitle] of rows) {
      await lead(fresh, { industry, status, source, jobTitle });
    }

    const res = await api("GET", "/api/v1/product-context/recommendations", {
      token: fresh.members.owner.token,
    });
    expect(res.status).toBe(200);
    const body = res.json;
    expect(body.overall).toEqual({ total: 14, won: 4, lost: 9, winRate: 0.308 });
    expect(body.mode).toBe("offline");

    const industry = (value: string) =>
      body.segments.find(
        (s: { dimension: string; value: string }) =>
          s.dimension === "industry" && s.value === value,
      );
    expect(industry("software")).toMatchObject({
      total: 4,
      won: 1,
      lost: 3,
      winRate: 0.25,
      targeted: true,
      label: "Software",
    });
    expect(industry("finance")).toMatchObject({ won: 3, lost: 0, winRate: 1, targeted: false });
    const cfo = body.segments.find(
      (s: { dimension: string; value: string }) => s.dimension === "title" && s.value === "cfo",
    );
    expect(cfo).toMatchObject({ total: 3, won: 3 });

    const kinds = body.recommendations.map(
      (r: { kind: string; dimension: string; value: string }) =>
        `${r.kind}:${r.dimension}:${r.value}`,
    );
    expect(kinds).toContain("winning_non_target:industry:finance");
    expect(kinds).toContain("strong_segment:source:referral");
    expect(kinds).toContain("strong_segment:title:cfo");
    expect(kinds).toContain("target_without_wins:industry:healthcare");
    expect(kinds).toContain("weak_segment:industry:retail");
    expect(kinds).not.toContain("target_without_wins:industry:software_companies");
    const finance = body.recommendations.find(
      (r: { kind: string }) => r.kind === "winning_non_target",
    );
    expect(finance.evidence).toEqual({
      total: 3,
      won: 3,
      lost: 0,
      winRate: 1,
      overallWinRate: 0.308,
    });
    expect(finance.message).toContain("Finance is not a target industry");
    expect(body.narrative).toContain("14 leads; 4 won and 9 lost (31% win rate)");

    // A rep sees the numbers of the leads they can see (all unassigned here).
    const rep = await api("GET", "/api/v1/product-context/recommendations?narrative=true", {
      token: fresh.members.rep.token,
    });
    expect(rep.status).toBe(200);
    expect(rep.json.overall.total).toBe(14);
    expect(rep.json.mode).toBe("offline");
  });

  it("says there is nothing yet without leads, and flags targets with no leads", async () => {
    const fresh = await createTestOrg("PC recs empty");
    await api("PUT", "/api/v1/product-context", {
      token: fresh.members.admin.token,
      body: { targetIndustries: ["Logistics"] },
    });
    const res = await api("GET", "/api/v1/product-context/recommendations", {
      token: fresh.members.owner.token,
    });
    expect(res.json.overall).toEqual({ total: 0, won: 0, lost: 0, winRate: null });
    expect(res.json.recommendations).toEqual([
      expect.objectContaining({ kind: "target_without_wins", label: "Logistics" }),
    ]);
    expect(res.json.narrative).toMatch(/No leads yet/);
  });

  it("rejects an unknown query parameter", async () => {
    const res = await api("GET", "/api/v1/product-context/recommendations?narrative=maybe", {
      token: org.members.owner.token,
    });
    expect(res.status).toBe(400);
  });
});
