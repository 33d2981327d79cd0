import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { queryRows } from "@/db/client";
import { campaigns, outboxEvents } from "@/db/schema";
import { recipientSequenceStarted } from "@/inngest/events";
import { kickRelay } from "@/lib/jobs/relay-trigger";

/** Recipients started per step of the fan-out: one transaction and one bulk insert each. */
export const FAN_OUT_BATCH = 1000;

/**
 * Before starting sequences: a scheduled campaign whose start time has come goes live now (the
 * scheduled event is delivered at that time). Returns whether the campaign is running.
 */
export async function activateCampaign(
  db: Database,
  ref: { organizationId: string; campaignId: string },
  options: { mayActivate: boolean; now?: Date },
): Promise<{ active: boolean; status: string | null }> {
  const now = options.now ?? new Date();
  const scope = and(
    eq(campaigns.organizationId, ref.organizationId),
    eq(campaigns.id, ref.campaignId),
  );
  const [campaign] = await db
    .select({ status: campaigns.status, scheduledAt: campaigns.scheduledAt })
    .from(campaigns)
    .where(scope)
    .limit(1);
  if (!campaign) return { active: false, status: null };
  const due = !campaign.scheduledAt || campaign.scheduledAt.getTime() <= now.getTime();
  if (campaign.status === "scheduled" && options.mayActivate && due) {
    await db
      .update(campaigns)
      .set({
        status: "active",
        launchedAt: sql`coalesce(${campaigns.launchedAt}, ${now.toISOString()}::timestamptz)`,
        updatedAt: now,
      })
      .where(and(scope, eq(campaigns.status, "scheduled")));
    return { active: true, status: "active" };
  }
  return { active: campaign.status === "active", status: campaign.status };
}

export interface BatchInput {
  organizationId: string;
  campaignId: string;
  /** Also restart sequences already under way (resume, send-now), not only queued ones. */
  includeActive: boolean;
  /** Only these leads (send-now for some). */
  leadIds?: string[];
  sendNow?: boolean;
  /** Keyset cursor: the last recipient id of the previous batch. */
  afterId: string | null;
  now?: Date;
}

/**
 * Start the sequences of the next batch of a campaign's recipients, in id order: bump each one's
 * generation (so any run still going for it ends itself) and queue one
 * `campaign/recipient.started` per recipient with one bulk insert into the outbox — set-based, so
 * 100,000 recipients take a hundred small transactions, not 100,000 round trips.
 */
export async function startRecipientBatch(
  db: Database,
  input: BatchInput,
): Promise<{ count: number; lastId: string | null }> {
  const states = input.includeActive ? ["queued", "active"] : ["queued"];
  return db.transaction(async (tx) => {
    const rows = await queryRows<{ id: string; lead_id: string; generation: number }>(
      tx,
      sql`update campaign_recipients r
             set generation = r.generation + 1, updated_at = now()
           where r.id in (
             select id from campaign_recipients
              where organization_id = ${input.organizationId}
                and campaign_id = ${input.campaignId}
                and state in (${sql.join(
                  states.map((s) => sql`${s}`),
                  sql`, `,
                )})
                ${input.afterId ? sql`and id > ${input.afterId}` : sql``}
                ${
                  input.leadIds
                    ? sql`and lead_id in (${sql.join(
                        input.leadIds.map((id) => sql`${id}::uuid`),
                        sql`, `,
                      )})`
                    : sql``
                }
              order by id
              limit ${FAN_OUT_BATCH})
          returning r.id, r.lead_id, r.generation`,
    );
    if (!rows.length) return { count: 0, lastId: null };
    const availableAt = input.now ?? new Date();
    await tx.insert(outboxEvents).values(
      rows.map((r) => ({
        name: recipientSequenceStarted.name,
        organizationId: input.organizationId,
        availableAt,
        data: {
          organizationId: input.organizationId,
          campaignId: input.campaignId,
          recipientId: r.id,
          leadId: r.lead_id,
          generation: r.generation,
          ...(input.sendNow ? { sendNow: true } : {}),
        },
      })),
    );
    kickRelay();
    const lastId = rows
      .map((r) => r.id)
      .sort()
      .at(-1)!;
    return { count: rows.length, lastId };
  });
}
