import type { Database, Transaction } from "@/db/client";
import { systemCtx } from "@/lib/context";
import { writeLeadBatch } from "@/lib/leads/bulk-write";
import { loadLeadOptions } from "@/lib/leads/lead-options";
import { getScoringConfig } from "@/lib/leads/scoring/scoring-config";
import { fakeLead, seededRandom } from "./fake-leads";
import { seedDemoActivity } from "./seed-demo-activity";

export const DEMO_LEAD_COUNT = 240;

/**
 * The demo organization's pipeline: a few hundred leads spread over the reps, the manager and
 * the unassigned pool, some with notes — written by the same batch writer imports use — then a
 * week's worth of inquiries and follow-ups on them.
 */
export async function seedDemoLeads(tx: Transaction, orgId: string, ownerIds: string[]) {
  const ctx = { ...systemCtx(tx as unknown as Database, orgId) };
  const random = seededRandom(20261123);
  const owners = [...ownerIds, null];
  const rows = Array.from({ length: DEMO_LEAD_COUNT }, (_, i) => {
    const { note, ...lead } = fakeLead(random, i, "demo");
    return { index: i, input: { ...lead, ownerId: owners[i % owners.length] ?? null }, note };
  });
  const outcomes = await writeLeadBatch(
    tx,
    {
      ctx,
      snapshot: await loadLeadOptions(tx, orgId),
      scoring: await getScoringConfig(tx, orgId),
      assignable: new Set(ownerIds),
      mode: "create",
    },
    rows,
  );
  const failed = outcomes.filter((o) => o.outcome === "failed");
  if (failed.length) throw new Error(`Demo leads failed: ${JSON.stringify(failed[0])}`);
  const byOwner = new Map<string, string[]>(ownerIds.map((id) => [id, []]));
  for (const o of outcomes) {
    const owner = rows[o.index]!.input.ownerId;
    if (o.outcome === "created" && owner) byOwner.get(owner)!.push(o.id);
  }
  await seedDemoActivity(tx, orgId, byOwner);
}
