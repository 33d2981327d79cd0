import { sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows } from "@/db/client";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { timezoneName } from "./campaign-schemas";
import { campaignForReport, campaignMessageFacts } from "./campaign-message-facts";

const SERIES = [
  "sent",
  "delivered",
  "opened",
  "clicked",
  "replied",
  "bounced",
  "unsubscribed",
] as const;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** More buckets than this is no longer a chart; ask for a wider bucket or a shorter range. */
export const MAX_TIMELINE_BUCKETS = 1000;
/** Without `from`, the timeline starts at launch, but reaches back at most this far. */
const DEFAULT_SPAN = { hour: 72 * HOUR, day: 366 * DAY };

export const campaignTimelineQuery = z
  .strictObject({
    bucket: z.enum(["hour", "day"]).default("day"),
    from: z.iso
      .datetime({ offset: true })
      .optional()
      .meta({ description: "Start (default: launch, at most 72 hours / 366 days back)" }),
    to: z.iso.datetime({ offset: true }).optional().meta({ description: "End (default: now)" }),
    timezone: timezoneName
      .optional()
      .meta({ description: "Where days begin (default: the campaign's time zone)" }),
  })
  .meta({ id: "CampaignTimelineQuery" });

const countsShape = Object.fromEntries(SERIES.map((s) => [s, z.number().int()])) as Record<
  (typeof SERIES)[number],
  z.ZodNumber
>;

export const campaignTimelineSchema = z
  .object({
    campaignId: z.uuid(),
    bucket: z.enum(["hour", "day"]),
    timezone: z.string(),
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    points: z.array(
      z
        .object({ start: z.iso.datetime().meta({ description: "Bucket start" }), ...countsShape })
        .meta({ id: "CampaignTimelinePoint" }),
    ),
    totals: z.object(countsShape).meta({ description: "Sums over the range" }),
  })
  .meta({
    id: "CampaignTimeline",
    description:
      "Per bucket, how many messages were first sent, delivered, opened by a human, clicked, " +
      "replied to, bounced, or unsubscribed from in it; every bucket present, empty ones as 0.",
  });
export type CampaignTimeline = z.infer<typeof campaignTimelineSchema>;

type Row = { start: Date | string } & Record<(typeof SERIES)[number], number>;

/**
 * GET /campaigns/{id}/timeline: each outcome counted once per message, in the bucket where it
 * first happened — the same facts as the stats, so summed over all time they agree. Buckets are
 * generated in SQL in the requested zone, so a day is a local day even across a DST change.
 */
export async function getCampaignTimeline(
  ctx: Ctx,
  id: string,
  query: z.infer<typeof campaignTimelineQuery>,
): Promise<CampaignTimeline> {
  const campaign = await campaignForReport(ctx, id);
  const tz = query.timezone ?? campaign.timezone;
  const to = query.to ? new Date(query.to) : new Date();
  const start = campaign.launchedAt ?? campaign.createdAt;
  const from = query.from
    ? new Date(query.from)
    : new Date(
        Math.min(
          to.getTime(),
          Math.max(start.getTime(), to.getTime() - DEFAULT_SPAN[query.bucket]),
        ),
      );
  if (from > to) {
    throw new AppError("validation_error", "from must not be after to", {
      errors: [{ path: "from", message: "Must not be after to" }],
    });
  }
  const buckets = (to.getTime() - from.getTime()) / (query.bucket === "hour" ? HOUR : DAY);
  if (buckets > MAX_TIMELINE_BUCKETS) {
    throw new AppError(
      "validation_error",
      `At most ${MAX_TIMELINE_BUCKETS} ${query.bucket}s per timeline; narrow the range or use a wider bucket`,
      { errors: [{ path: "from", message: "Range too long for this bucket" }] },
    );
  }

  const unit = query.bucket;
  const lo = from.toISOString();
  const hi = to.toISOString();
  const step = sql.raw(unit === "hour" ? "interval '1 hour'" : "interval '1 day'");
  // Day buckets are walked as local dates, then turned back into instants; hour buckets are
  // plain instants an hour apart (an hour is an hour in every zone, DST or not).
  const series =
    unit === "day"
      ? sql`select (d at time zone ${tz}) as start
              from generate_series((${lo}::timestamptz at time zone ${tz})::date::timestamp,
                                   (${hi}::timestamptz at time zone ${tz})::date::timestamp, ${step}) d`
      : sql`select generate_series(date_trunc('hour', ${lo}::timestamptz, ${tz}),
                                   date_trunc('hour', ${hi}::timestamptz, ${tz}), ${step}) as start`;
  const end =
    unit === "day"
      ? sql`(((${hi}::timestamptz at time zone ${tz})::date + 1)::timestamp at time zone ${tz})`
      : sql`(date_trunc('hour', ${hi}::timestamptz, ${tz}) + ${step})`;

  const rows = await queryRows<Row>(
    ctx.db,
    sql`with series as (${series}),
             points as (
               select v.kind, v.at
                 from ${campaignMessageFacts(ctx.orgId, campaign.id)} f
                 cross join lateral (values ('sent', f.sent_at), ('delivered', f.delivered_at),
                   ('opened', f.opened_at), ('clicked', f.clicked_at), ('replied', f.replied_at),
                   ('bounced', f.bounced_at), ('unsubscribed', f.unsubscribed_at)) v(kind, at)
                where v.at >= (select min(start) from series) and v.at < ${end}
             ),
             counted as (
               select date_trunc(${unit}, at, ${tz}) as start,
                      ${sql.join(
                        SERIES.map(
                          (s) =>
                            sql`count(*) filter (where kind = ${s})::int as ${sql.identifier(s)}`,
                        ),
                        sql`, `,
                      )}
                 from points group by 1
             )
        select s.start,
               ${sql.join(
                 SERIES.map(
                   (k) => sql`coalesce(c.${sql.identifier(k)}, 0)::int as ${sql.identifier(k)}`,
                 ),
                 sql`, `,
               )}
          from series s left join counted c on c.start = s.start
         order by s.start`,
  );

  const points = rows.map((r) => ({
    start: new Date(r.start).toISOString(),
    ...(Object.fromEntries(SERIES.map((s) => [s, Number(r[s])])) as Record<
      (typeof SERIES)[number],
      number
    >),
  }));
  const totals = Object.fromEntries(
    SERIES.map((s) => [s, points.reduce((sum, p) => sum + p[s], 0)]),
  ) as Record<(typeof SERIES)[number], number>;
  return {
    campaignId: campaign.id,
    bucket: unit,
    timezone: tz,
    from: lo,
    to: hi,
    points,
    totals,
  };
}
