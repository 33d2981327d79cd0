import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { leads } from "@/db/schema";
import { api } from "@/lib/testing/api-client";
import { createTestOrg } from "@/lib/testing/fixtures";
import { runPendingJobs } from "@/lib/testing/jobs";

const ROWS = 100_000;
const STATUSES = ["new", "contacted", "qualified", "demo"];

function* csvLines() {
  yield "First Name,Last Name,Email,Company,Status,Tags,City\n";
  for (let i = 0; i < ROWS; i++) {
    yield `First${i},Last${i},bulk${i}@hundredk.test,Company ${i % 997},${STATUSES[i % 4]},t${i % 7};bulk,City ${i % 101}\n`;
  }
}

describe("a 100,000-row import", () => {
  it("completes and is exact", { timeout: 900_000 }, async () => {
    const org = await createTestOrg("Hundred");
    const token = org.members.admin.token;
    const body = new ReadableStream({
      start(controller) {
        let batch = "";
        for (const line of csvLines()) {
          batch += line;
          if (batch.length > 256 * 1024) {
            controller.enqueue(new TextEncoder().encode(batch));
            batch = "";
          }
        }
        controller.enqueue(new TextEncoder().encode(batch));
        controller.close();
      },
    });
    const res = await api("POST", "/api/v1/leads/import", {
      token,
      rawBody: body,
      headers: { "content-type": "text/csv" },
    });
    expect(res.status, res.text).toBe(202);
    expect(res.json.totalRows).toBe(ROWS);
    await runPendingJobs();
    const done = (await api("GET", `/api/v1/imports/${res.json.id}`, { token })).json;
    expect(done).toMatchObject({
      status: "completed",
      rowsProcessed: ROWS,
      created: ROWS,
      failed: 0,
      skipped: 0,
    });

    const db = await getDb();
    expect(await db.$count(leads, eq(leads.organizationId, org.id))).toBe(ROWS);
    for (const i of [0, 1, 4_242, 77_777, ROWS - 1]) {
      const [lead] = await db
        .select()
        .from(leads)
        .where(and(eq(leads.organizationId, org.id), eq(leads.email, `bulk${i}@hundredk.test`)));
      expect(lead).toMatchObject({
        firstName: `First${i}`,
        lastName: `Last${i}`,
        company: `Company ${i % 997}`,
        status: STATUSES[i % 4],
        city: `City ${i % 101}`,
        source: "import",
      });
      expect(lead!.tags).toEqual([`t${i % 7}`, "bulk"]);
    }
    const stats = (await api("GET", "/api/v1/leads/stats", { token })).json;
    // The maintained counters saw every row too.
    expect(stats.total).toBe(ROWS);
  });
});
