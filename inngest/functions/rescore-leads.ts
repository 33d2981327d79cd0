import { getDb } from "@/db/client";
import { leadsWithRecentEvents, rescoreBatch } from "@/lib/leads/scoring/rescore-many";
import { getScoringConfig } from "@/lib/leads/scoring/scoring-config";
import { inngest } from "../client";
import { scoringRulesChanged } from "../events";

const BATCH = 5000;

/**
 * New scoring rules apply to every lead of the organization, in durable batches (each batch is a
 * step, so a crash resumes after the last finished one). A newer change cancels an older run.
 */
export const rescoreOrganizationFn = inngest.createFunction(
  {
    id: "rescore-organization",
    triggers: [scoringRulesChanged],
    cancelOn: [{ event: scoringRulesChanged, match: "data.organizationId" }],
    concurrency: { limit: 1, key: "event.data.organizationId" },
  },
  async ({ event, step }) => {
    let afterId: string | undefined;
    let total = 0;
    for (let batch = 0; batch < 10_000; batch++) {
      const result = await step.run(`batch-${batch}`, async () => {
        const db = await getDb();
        return rescoreBatch(
          db,
          event.data.organizationId,
          await getScoringConfig(db, event.data.organizationId),
          { afterId, limit: BATCH },
        );
      });
      total += result.changed;
      if (!result.lastId || result.processed < BATCH) break;
      afterId = result.lastId;
    }
    return { changed: total };
  },
);

/** Daily: event points fade with age, so leads with recent activity are re-scored. */
export const decayScoresFn = inngest.createFunction(
  { id: "decay-lead-scores", triggers: [{ cron: "40 3 * * *" }], concurrency: { limit: 1 } },
  async ({ step }) => {
    const groups = await step.run("find-leads", async () =>
      leadsWithRecentEvents(await getDb(), 365),
    );
    let changed = 0;
    for (const [i, group] of groups.entries()) {
      changed += await step.run(`org-${i}`, async () => {
        const db = await getDb();
        const config = await getScoringConfig(db, group.orgId);
        let n = 0;
        for (let start = 0; start < group.leadIds.length; start += 2000) {
          n += (
            await rescoreBatch(db, group.orgId, config, {
              ids: group.leadIds.slice(start, start + 2000),
            })
          ).changed;
        }
        return n;
      });
    }
    return { changed };
  },
);
