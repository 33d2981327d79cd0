import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { savedReports } from "@/db/schema";
import { reportDefinitionSchema } from "@/lib/reports/report-definition";
import { createSavedReport } from "@/lib/reports/saved-reports";
import type { TestOrg } from "./fixtures";
import type { Caller, OperationFixture } from "./operation-fixtures";

const definition = { dataset: "leads", dimensions: ["status"], metrics: ["count"] };

/** A saved report made by the caller (so its creator may change it), else by the owner. */
async function savedReport(org: TestOrg, caller?: Caller) {
  const role = Object.entries(org.members).find(([, m]) => m.id === caller?.userId)?.[0];
  const ctx = org.ctx((role ?? "owner") as keyof TestOrg["members"]);
  return createSavedReport(ctx, {
    name: "Leads by status",
    definition: reportDefinitionSchema.parse(definition),
  });
}

async function reportRow(id: string) {
  const db = await getDb();
  return db.select().from(savedReports).where(eq(savedReports.id, id));
}

/** How to call the report routes (see OPERATION_FIXTURES). */
export const REPORTS_FIXTURES: Record<string, OperationFixture> = {
  "POST /api/v1/reports/generate": {
    prepare: async () => ({ body: { definition } }),
  },
  "POST /api/v1/reports": {
    prepare: async () => ({ body: { name: "Leads by status", definition } }),
  },
  "GET /api/v1/reports/{id}": {
    prepare: async (org) => ({ params: { id: (await savedReport(org)).id } }),
    snapshot: async (_org, call) => reportRow(call.params!.id!),
  },
  "PUT /api/v1/reports/{id}": {
    prepare: async (org, caller) => ({
      params: { id: (await savedReport(org, caller)).id },
      body: { name: "Renamed", schedule: { frequency: "weekly", format: "pdf", recipientIds: [] } },
    }),
    snapshot: async (_org, call) => reportRow(call.params!.id!),
  },
  "DELETE /api/v1/reports/{id}": {
    prepare: async (org, caller) => ({ params: { id: (await savedReport(org, caller)).id } }),
    snapshot: async (_org, call) => reportRow(call.params!.id!),
  },
  "GET /api/v1/reports/{id}/export": {
    prepare: async (org) => ({
      params: { id: (await savedReport(org)).id },
      query: { format: "csv" },
    }),
    snapshot: async (_org, call) => reportRow(call.params!.id!),
  },
};
