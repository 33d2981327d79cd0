import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  dashboardResponseSchema,
  kpisResponseSchema,
  recentActivityResponseSchema,
} from "@/lib/analytics/dashboard-schemas";
import {
  conversionResponseSchema,
  leadSourcesResponseSchema,
  leadStatusResponseSchema,
  leadTimelineResponseSchema,
} from "@/lib/analytics/lead-analytics-schemas";
import {
  ltvResponseSchema,
  revenueResponseSchema,
  roiResponseSchema,
} from "@/lib/analytics/revenue-schemas";
import {
  leadQualityResponseSchema,
  leadScoreResponseSchema,
  priceTrendsResponseSchema,
} from "@/lib/analytics/stats-schemas";
import { seedAnalyticsData } from "@/lib/analytics/analytics-test-data";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";

const SCHEMAS: Record<string, z.ZodType> = {
  "/api/v1/analytics/dashboard": dashboardResponseSchema,
  "/api/v1/analytics/kpis": kpisResponseSchema,
  "/api/v1/analytics/recent-activity": recentActivityResponseSchema,
  "/api/v1/analytics/leads/sources": leadSourcesResponseSchema,
  "/api/v1/analytics/leads/status": leadStatusResponseSchema,
  "/api/v1/analytics/leads/timeline": leadTimelineResponseSchema,
  "/api/v1/analytics/leads/conversion": conversionResponseSchema,
  "/api/v1/stats/lead-quality": leadQualityResponseSchema,
  "/api/v1/stats/lead-score": leadScoreResponseSchema,
  "/api/v1/stats/conversion-funnel": conversionResponseSchema,
  "/api/v1/stats/price-trends": priceTrendsResponseSchema,
  "/api/v1/analytics/revenue": revenueResponseSchema,
  "/api/v1/analytics/roi": roiResponseSchema,
  "/api/v1/analytics/ltv": ltvResponseSchema,
};
const PATHS = Object.keys(SCHEMAS);

const MALFORMED = [
  "from=yesterday",
  "from=2026-03-10&to=2026-03-01",
  "from=1990-01-01&to=2026-03-01",
  "range=7y",
  "interval=hour",
  "ownerId=" + "x".repeat(101),
  "teamId=not-a-uuid",
  "campaignId=42",
  "bogus=1",
  "from=2026-02-30",
];

let org: TestOrg;

beforeAll(async () => {
  org = await createTestOrg("AnalyticsApi");
  await seedAnalyticsData(org);
});

describe("analytics API", () => {
  it("answers every endpoint for every role, and refuses the unauthenticated", async () => {
    for (const path of PATHS) {
      for (const role of ["owner", "manager", "rep"] as const) {
        const res = await api("GET", `${path}?from=2026-03-01&to=2026-03-10`, {
          token: org.members[role].token,
        });
        expect(res.status, `${role} ${path}`).toBe(200);
        expect(res.json.period.from).toBe("2026-03-01T00:00:00.000Z");
        // The documented schema is what the UI builds on: the answer must match it exactly.
        expect(SCHEMAS[path]!.safeParse(res.json).error).toBeUndefined();
      }
      const key = await api("GET", path, { token: org.keys.integration.secret });
      expect(key.status, `integration ${path}`).toBe(200);
      expect((await api("GET", path)).status).toBe(401);
    }
  });

  it("answers malformed query parameters with a 400 problem, never a 500", async () => {
    for (const path of PATHS) {
      for (const qs of MALFORMED) {
        const res = await api("GET", `${path}?${qs}`, { token: org.members.owner.token });
        expect(res.status, `${path}?${qs}`).toBe(400);
        expect(res.headers.get("content-type")).toContain("application/problem+json");
        expect(res.json.code).toBe("validation_error");
      }
    }
    const own = [
      ["/api/v1/analytics/recent-activity", "limit=0"],
      ["/api/v1/analytics/recent-activity", "limit=101"],
      ["/api/v1/analytics/recent-activity", "cursor=%00%01"],
      ["/api/v1/analytics/leads/timeline", "bySource=yes"],
      ["/api/v1/stats/lead-score", "bucketWidth=0"],
      ["/api/v1/stats/lead-score", "bucketWidth=abc"],
      ["/api/v1/stats/price-trends", `location=${"a".repeat(201)}`],
    ];
    for (const [path, qs] of own) {
      const res = await api("GET", `${path}?${qs}`, { token: org.members.owner.token });
      expect(res.status, `${path}?${qs}`).toBe(400);
    }
  });

  it("serves the exact numbers over HTTP (KPIs for the owner, scoped for a rep)", async () => {
    const owner = await api("GET", "/api/v1/analytics/kpis?from=2026-03-01&to=2026-03-10", {
      token: org.members.owner.token,
    });
    const k = Object.fromEntries(
      (owner.json.kpis as { key: string; value: number }[]).map((x) => [x.key, x.value]),
    );
    expect(k).toMatchObject({ new_leads: 4, won: 2, revenue: 3500, speed_to_lead: 7200 });
    const rep = await api("GET", "/api/v1/analytics/kpis?from=2026-03-01&to=2026-03-10", {
      token: org.members.rep.token,
    });
    expect(rep.json.kpis.find((x: { key: string }) => x.key === "new_leads").value).toBe(2);
  });
});
