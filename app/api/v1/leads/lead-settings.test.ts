import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { runPendingJobs } from "@/lib/testing/jobs";

let org: TestOrg;
const admin = () => org.members.admin.token;

beforeAll(async () => {
  org = await createTestOrg("Settings");
});

describe("picklists", () => {
  it("starts with the default statuses and sources, in order", async () => {
    const res = await api("GET", "/api/v1/lead-options", { token: org.members.rep.token });
    expect(res.json.status.map((o: { value: string }) => o.value)).toEqual([
      "new",
      "contacted",
      "qualified",
      "demo",
      "proposal",
      "trial",
      "won",
      "lost",
    ]);
    expect(res.json.status.find((o: { value: string }) => o.value === "won").category).toBe("won");
    expect(res.json.source.map((o: { value: string }) => o.value)).toEqual(
      expect.arrayContaining([
        "website",
        "referral",
        "inbound_email",
        "import",
        "api",
        "manual",
        "facebook",
        "linkedin",
        "google_maps",
        "craigslist",
        "other",
      ]),
    );
    expect(res.json.temperature.map((o: { value: string }) => o.value)).toEqual([
      "hot",
      "warm",
      "cold",
    ]);
  });

  it("lets admins rename, reorder, add and retire values, and refuses removing ones in use", async () => {
    const lead = (
      await api("POST", "/api/v1/leads", {
        token: admin(),
        body: { firstName: "P", source: "craigslist" },
      })
    ).json;
    const current = (await api("GET", "/api/v1/lead-options", { token: admin() })).json.source as {
      value: string;
      label: string;
    }[];
    const withoutCraigslist = current.filter((o) => o.value !== "craigslist");
    const refused = await api("PUT", "/api/v1/lead-options/source", {
      token: admin(),
      body: { options: withoutCraigslist },
    });
    expect(refused.status).toBe(409);
    const next = [
      { label: "Trade show" },
      ...current.map((o) =>
        o.value === "craigslist"
          ? { ...o, retired: true }
          : o.value === "website"
            ? { value: "website", label: "Web form" }
            : o,
      ),
    ];
    const saved = await api("PUT", "/api/v1/lead-options/source", {
      token: admin(),
      body: { options: next },
    });
    expect(saved.status).toBe(200);
    expect(saved.json.data[0]).toMatchObject({
      value: "trade_show",
      label: "Trade show",
      position: 0,
    });
    expect(saved.json.data.find((o: { value: string }) => o.value === "website").label).toBe(
      "Web form",
    );
    // Matched case-insensitively by label or slug; retired values can't be chosen for new input.
    expect(
      (
        await api("POST", "/api/v1/leads", {
          token: admin(),
          body: { firstName: "Q", source: "TRADE SHOW" },
        })
      ).json.source,
    ).toBe("trade_show");
    expect(
      (
        await api("POST", "/api/v1/leads", {
          token: admin(),
          body: { firstName: "R", source: "craigslist" },
        })
      ).status,
    ).toBe(400);
    expect((await api("GET", `/api/v1/leads/${lead.id}`, { token: admin() })).json.source).toBe(
      "craigslist",
    );
    expect(
      (
        await api("PUT", "/api/v1/lead-options/source", {
          token: org.members.manager.token,
          body: { options: next },
        })
      ).status,
    ).toBe(403);
    const noOpen = await api("PUT", "/api/v1/lead-options/status", {
      token: admin(),
      body: { options: [{ value: "won", label: "Won", category: "won" }] },
    });
    expect(noOpen.status).toBe(400);
  });

  it("clears the lost reason when a lead leaves any status filed under lost", async () => {
    const statuses = (await api("GET", "/api/v1/lead-options", { token: admin() })).json.status;
    const saved = await api("PUT", "/api/v1/lead-options/status", {
      token: admin(),
      body: { options: [...statuses, { label: "Disqualified", category: "lost" }] },
    });
    expect(saved.status).toBe(200);
    const lead = (
      await api("POST", "/api/v1/leads", {
        token: admin(),
        body: { firstName: "Dee", status: "disqualified", lostReason: "budget" },
      })
    ).json;
    expect(lead.lostReason).toBe("budget");
    const toLost = await api("PATCH", `/api/v1/leads/${lead.id}`, {
      token: admin(),
      body: { status: "lost" },
    });
    expect(toLost.json.lostReason).toBe("budget");
    const back = await api("PATCH", `/api/v1/leads/${lead.id}`, {
      token: admin(),
      body: { status: "disqualified" },
    });
    expect(back.json.lostReason).toBe("budget");
    const reopened = await api("PATCH", `/api/v1/leads/${lead.id}`, {
      token: admin(),
      body: { status: "qualified" },
    });
    expect(reopened.json.lostReason).toBeNull();
  });
});

describe("custom fields", () => {
  it("defines typed fields, validates values and filters by them", async () => {
    const budget = await api("POST", "/api/v1/custom-fields", {
      token: admin(),
      body: { label: "Budget", type: "number" },
    });
    expect(budget.json).toMatchObject({ key: "budget", type: "number" });
    const beds = await api("POST", "/api/v1/custom-fields", {
      token: admin(),
      body: { label: "Bedrooms wanted", type: "select", options: ["1", "2", "3+"] },
    });
    expect(
      (
        await api("POST", "/api/v1/custom-fields", {
          token: admin(),
          body: { label: "Budget", type: "text" },
        })
      ).status,
    ).toBe(409);
    const lead = await api("POST", "/api/v1/leads", {
      token: admin(),
      body: { firstName: "C", customFields: { budget: "450,000", bedrooms_wanted: "3+" } },
    });
    expect(lead.json.customFields).toEqual({ budget: 450000, bedrooms_wanted: "3+" });
    const bad = await api("POST", "/api/v1/leads", {
      token: admin(),
      body: { firstName: "D", customFields: { budget: "lots", bedrooms_wanted: "7", nope: 1 } },
    });
    expect(bad.json.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "customFields.bedrooms_wanted",
      "customFields.budget",
      "customFields.nope",
    ]);
    const filtered = await api("GET", "/api/v1/leads", {
      token: admin(),
      query: { "cf.budget": "450000" },
    });
    expect(filtered.json.data.map((l: { id: string }) => l.id)).toEqual([lead.json.id]);
    expect(
      (await api("GET", "/api/v1/leads", { token: admin(), query: { "cf.unknown": "x" } })).status,
    ).toBe(400);
    await api("DELETE", `/api/v1/custom-fields/${beds.json.id}`, { token: admin() });
    const fields = await api("GET", "/api/v1/custom-fields", { token: admin() });
    expect(
      fields.json.data.find((f: { key: string }) => f.key === "bedrooms_wanted").archived,
    ).toBe(true);
  });
});

describe("scoring", () => {
  it("previews a sample lead, and new rules re-score every lead in the background", async () => {
    const lead = (
      await api("POST", "/api/v1/leads", {
        token: admin(),
        body: { firstName: "S", email: "s@example.com", jobTitle: "CEO" },
      })
    ).json;
    expect(lead.score).toBe(15);
    const preview = await api("POST", "/api/v1/scoring-rules/preview", {
      token: org.members.rep.token,
      body: { lead: { email: "x@y.z" }, events: { inquiry: 2 } },
    });
    expect(preview.json).toMatchObject({ score: 35, temperature: "warm" });
    const config = (await api("GET", "/api/v1/scoring-rules", { token: admin() })).json;
    config.rules = config.rules.map((r: { id: string; points: number }) =>
      r.id === "has-email" ? { ...r, points: 40 } : r,
    );
    const saved = await api("PUT", "/api/v1/scoring-rules", { token: admin(), body: config });
    expect(saved.status).toBe(200);
    await runPendingJobs();
    const after = (await api("GET", `/api/v1/leads/${lead.id}`, { token: admin() })).json;
    expect(after).toMatchObject({ score: 50, temperature: "hot" });
    const invalid = await api("PUT", "/api/v1/scoring-rules", {
      token: admin(),
      body: { ...config, thresholds: { hot: 10, warm: 20 } },
    });
    expect(invalid.status).toBe(400);
    const recompute = await api("POST", `/api/v1/leads/${lead.id}/score`, { token: admin() });
    expect(recompute.json).toMatchObject({ score: 50, overridden: false });
  });
});

describe("stats", () => {
  it("counts the caller's visible leads by status, owner, temperature and score, with a funnel", async () => {
    const stats = await createTestOrg("Stats");
    const mk = (token: string, body: Record<string, unknown>) =>
      api("POST", "/api/v1/leads", { token, body });
    await mk(stats.members.rep.token, { firstName: "a", status: "new" });
    const b = (await mk(stats.members.rep.token, { firstName: "b", status: "new" })).json;
    await api("PATCH", `/api/v1/leads/${b.id}`, {
      token: stats.members.rep.token,
      body: { status: "qualified" },
    });
    await api("PATCH", `/api/v1/leads/${b.id}`, {
      token: stats.members.rep.token,
      body: { status: "won" },
    });
    await mk(stats.members.rep2.token, {
      firstName: "c",
      status: "contacted",
      email: "c@example.com",
    });
    await mk(stats.members.admin.token, { firstName: "d", ownerId: null });
    const all = (await api("GET", "/api/v1/leads/stats", { token: stats.members.admin.token }))
      .json;
    expect(all.total).toBe(4);
    const by = (list: { value: string; count: number }[]) =>
      Object.fromEntries(list.filter((x) => x.count).map((x) => [x.value, x.count]));
    expect(by(all.byStatus)).toEqual({ new: 2, contacted: 1, won: 1 });
    expect(all.funnel.slice(0, 3)).toEqual([
      { status: "new", label: "New", reached: 3, conversionFromPrevious: null },
      { status: "contacted", label: "Contacted", reached: 1, conversionFromPrevious: 0.333 },
      { status: "qualified", label: "Qualified", reached: 1, conversionFromPrevious: 1 },
    ]);
    expect(all.funnel.find((f: { status: string }) => f.status === "won").reached).toBe(1);
    expect(all.byOwner.find((o: { ownerId: string | null }) => o.ownerId === null).count).toBe(1);
    expect(all.scoreDistribution.reduce((s: number, b: { count: number }) => s + b.count, 0)).toBe(
      4,
    );
    expect(all.createdPerDay.at(-1).count).toBe(4);
    // A rep's stats only count their own and unassigned leads.
    const rep = (await api("GET", "/api/v1/leads/stats", { token: stats.members.rep.token })).json;
    expect(rep.total).toBe(3);
    expect(by(rep.byStatus)).toEqual({ new: 2, won: 1 });
  });
});
