import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Ctx } from "@/lib/context";
import { inList, type LabelKind } from "./report-sql";

export const NONE_LABEL = "(none)";

/** "follow_up" → "Follow up": enum slugs shown as words. */
export function humanize(value: string): string {
  const words = value.replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The labels people read for a dimension's machine values (slugs, user and campaign ids). */
export async function labelsFor(
  ctx: Ctx,
  kind: LabelKind | undefined,
  values: string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!values.length) return out;
  if (kind === "enum") values.forEach((v) => out.set(v, humanize(v)));
  else if (kind === "step") values.forEach((v) => out.set(v, `Step ${v}`));
  else if (kind === "status" || kind === "source" || kind === "industry") {
    const rows = await queryRows<{ value: string; label: string }>(
      ctx.db,
      sql`select value, label from lead_options
           where organization_id = ${ctx.orgId} and kind = ${kind} and ${inList(sql`value`, values)}`,
    );
    rows.forEach((r) => out.set(r.value, r.label));
  } else if (kind === "user") {
    const rows = await queryRows<{ id: string; label: string }>(
      ctx.db,
      sql`select u.id::text as id, coalesce(nullif(u.name, ''), u.email) as label
            from users u join memberships ms on ms.user_id = u.id and ms.organization_id = ${ctx.orgId}
           where ${inList(sql`u.id::text`, values)}`,
    );
    rows.forEach((r) => out.set(r.id, r.label));
  } else if (kind === "campaign") {
    const rows = await queryRows<{ id: string; label: string }>(
      ctx.db,
      sql`select id::text as id, name as label from campaigns
           where organization_id = ${ctx.orgId} and ${inList(sql`id::text`, values)}`,
    );
    rows.forEach((r) => out.set(r.id, r.label));
  }
  return out;
}
