import { describe, expect, it } from "vitest";
import { callRoute } from "@/lib/testing/http";
import { GET } from "./route";

describe("GET /api/v1/health", () => {
  it("reports the database, migrations, job engine, email and AI modes — and no secrets", async () => {
    const res = await callRoute(GET, { path: "/api/v1/health" });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      status: "ok",
      database: { reachable: true, migrations: { current: true } },
      jobs: { engine: "embedded", reachable: true, pendingEvents: expect.any(Number) },
      email: { mode: "local_outbox" },
      ai: { mode: "offline", provider: null },
    });
    expect(["pglite", "postgres"]).toContain(res.json.database.driver);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.text).not.toMatch(/secret|password|postgres:\/\//i);
  });
});
