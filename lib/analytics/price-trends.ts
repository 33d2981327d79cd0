import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Ctx } from "@/lib/context";
import { loadAnalyticsContext } from "./analytics-context";
import { periodDto } from "./analytics-schemas";
import { bucketOf, bucketSeries, dateText, inList, ts } from "./analytics-sql";
import type { PriceTrendsQuery } from "./stats-schemas";

/**
 * Seed 003's price trends: per location, listing type and currency, month by month — listings
 * listed that month (count, median and average asking price) and sold that month (count, median
 * sold price). Listings are the organization's inventory, seen by every member; owner and team
 * filters apply to the listing's owner only when asked for.
 */
export async function getPriceTrends(ctx: Ctx, query: PriceTrendsQuery, now?: Date) {
  const ac = await loadAnalyticsContext(ctx, query, now);
  const { from, to } = ac.scope.period;
  const owners = query.ownerId?.length || query.teamId ? ac.scope.ownerIds : null;
  const filter = sql.join(
    [
      sql`x.organization_id = ${ctx.orgId}`,
      ...(owners ? [sql`x.owner_id in ${inList(owners)}`] : []),
      ...(query.location ? [sql`lower(x.location) = lower(${query.location})`] : []),
      ...(query.type ? [sql`lower(x.type) = lower(${query.type})`] : []),
    ],
    sql` and `,
  );
  const month = (col: string) => bucketOf(sql.raw(`x.${col}`), "month");
  const rows = await queryRows<{
    bucket: string;
    location: string;
    type: string;
    currency: string;
    n: number;
    median: number | null;
    avg: number | null;
    sold: number;
    sold_median: number | null;
  }>(
    ctx.db,
    sql`with listed as (
          select ${month("listed_at")} as bucket, x.location, x.type, x.currency, count(*)::int as n,
                 (percentile_cont(0.5) within group (order by x.price))::float8 as median,
                 avg(x.price)::float8 as avg
            from listings x
           where ${filter} and x.listed_at >= ${ts(from)} and x.listed_at < ${ts(to)}
           group by 1, 2, 3, 4),
        sold as (
          select ${month("sold_at")} as bucket, x.location, x.type, x.currency, count(*)::int as n,
                 (percentile_cont(0.5) within group (order by coalesce(x.sold_price, x.price)))::float8
                   as median
            from listings x
           where ${filter} and x.sold_at >= ${ts(from)} and x.sold_at < ${ts(to)}
           group by 1, 2, 3, 4),
        groups as (select location, type, currency from listed union select location, type, currency from sold)
      select ${dateText(sql`b.bucket`)} as bucket, g.location, g.type, g.currency,
             coalesce(l.n, 0)::int as n, l.median, l.avg,
             coalesce(s.n, 0)::int as sold, s.median as sold_median
        from groups g cross join ${bucketSeries(from, to, "month")} b
        left join listed l on l.bucket = b.bucket and l.location = g.location and l.type = g.type
                          and l.currency = g.currency
        left join sold s on s.bucket = b.bucket and s.location = g.location and s.type = g.type
                        and s.currency = g.currency
       order by g.location, g.type, g.currency, b.bucket`,
  );
  const money = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
  return {
    period: periodDto(ac.scope.period),
    series: rows.map((r) => ({
      bucket: r.bucket,
      location: r.location,
      type: r.type,
      currency: r.currency,
      count: r.n,
      medianPrice: money(r.median),
      averagePrice: money(r.avg),
      soldCount: r.sold,
      soldMedianPrice: money(r.sold_median),
    })),
  };
}
