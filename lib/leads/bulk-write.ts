import { and, eq, getTableColumns, inArray, is, isNull, or, SQL, sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { newId } from "@/lib/crypto/ids";
import type { Transaction } from "@/db/client";
import {
  leadActivities,
  leadNotes,
  leads,
  leadStatusChanges,
  type ScoringConfig,
} from "@/db/schema";
import type { Ctx } from "@/lib/context";
import type { FieldError } from "@/lib/errors";
import { can } from "@/lib/auth/permissions";
import { diffChanges } from "@/lib/audit/record-audit";
import { buildLeadValues, leadSearchText, type LeadValues } from "./build-lead-values";
import { firstOpenStatus, resolveOption, type LeadOptionsSnapshot } from "./lead-options";
import { leadFieldsShape, type CreateLeadInput, type LeadRow } from "./lead-schemas";
import { computeScore } from "./scoring/compute-score";
import { rescoreBatch } from "./scoring/rescore-many";
import { leadScope } from "./visibility";

export type WriteMode = "create" | "update" | "upsert";

export interface BulkRow {
  /** Position in the request (batch) or row number in the file (import). */
  index: number;
  input: CreateLeadInput;
  /** A note to add to the lead (an import's notes column). */
  note?: string | null;
  /** Identifies an email-less row across re-runs of an import. */
  importKey?: string | null;
  /** Problems found before building values (e.g. an unknown owner in a CSV). */
  errors?: FieldError[];
}

export type BulkOutcome =
  | { index: number; outcome: "created" | "updated"; id: string }
  | { index: number; outcome: "skipped"; id?: string; reason: string }
  | { index: number; outcome: "failed"; errors: FieldError[] };

export interface BulkContext {
  ctx: Ctx;
  snapshot: LeadOptionsSnapshot;
  scoring: ScoringConfig;
  /** Members leads may be assigned to (and, for the caller's role, may be). */
  assignable: Set<string>;
  mode: WriteMode;
  dryRun?: boolean;
  defaultSource?: string;
  importId?: string;
}

const EDITABLE = Object.keys(leadFieldsShape).filter((k) => k !== "score") as (keyof LeadValues)[];

/**
 * Write many leads at once — the CSV importer and the batch endpoint. Each row goes through the
 * same validation and normalisation as a single create (buildLeadValues); matching is by email
 * (or, for email-less rows, the import key); then one multi-row INSERT and one UPDATE … FROM
 * per batch instead of a statement per row. Bad rows are reported and never stop good ones. In a
 * dry run nothing is written and the outcomes say what would happen.
 */
export async function writeLeadBatch(
  tx: Transaction,
  bc: BulkContext,
  rows: BulkRow[],
): Promise<BulkOutcome[]> {
  const { ctx, snapshot } = bc;
  const outcomes: BulkOutcome[] = [];
  const prepared: { row: BulkRow; values: LeadValues; key: string }[] = [];
  const seen = new Map<string, number>();
  const mayOverride = can(ctx.role, "leads:score_override");
  const defaultSource = bc.defaultSource ? safeOption(snapshot, bc.defaultSource) : undefined;

  for (const row of rows) {
    const { values, errors } = buildLeadValues(snapshot, row.input);
    errors.push(...(row.errors ?? []));
    if (row.input.score !== undefined && !mayOverride)
      errors.push({ path: "score", message: "The score is computed; your role can't set it" });
    if (values.ownerId && !bc.assignable.has(values.ownerId))
      errors.push({ path: "ownerId", message: "Not a member you can assign leads to" });
    if (errors.length) {
      outcomes.push({ index: row.index, outcome: "failed", errors });
      continue;
    }
    const key = values.email
      ? `e:${values.email}`
      : row.importKey
        ? `k:${row.importKey}`
        : `r:${row.index}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      outcomes.push({
        index: row.index,
        outcome: "skipped",
        reason: `Same lead as row ${earlier}`,
      });
      continue;
    }
    seen.set(key, row.index);
    prepared.push({ row, values, key });
  }

  const emails = prepared.map((p) => p.values.email).filter((e): e is string => Boolean(e));
  const keys = prepared
    .filter((p) => !p.values.email && p.row.importKey)
    .map((p) => p.row.importKey!);
  const existing = new Map<string, { row: LeadRow; visible: boolean }>();
  if (emails.length || keys.length) {
    const scope = await leadScope(ctx);
    const found = await tx
      .select({ lead: leads, visible: sql<boolean>`${scope}` })
      .from(leads)
      .where(
        and(
          eq(leads.organizationId, ctx.orgId),
          isNull(leads.deletedAt),
          or(
            emails.length ? inArray(leads.email, emails) : undefined,
            keys.length ? inArray(leads.importKey, keys) : undefined,
          ),
        ),
      );
    for (const f of found) {
      if (f.lead.email) existing.set(`e:${f.lead.email}`, { row: f.lead, visible: f.visible });
      if (f.lead.importKey)
        existing.set(`k:${f.lead.importKey}`, { row: f.lead, visible: f.visible });
    }
  }

  const inserts: { index: number; values: Record<string, unknown>; note?: string | null }[] = [];
  const updates: { index: number; before: LeadRow; after: LeadRow; note?: string | null }[] = [];
  for (const { row, values, key } of prepared) {
    const match = existing.get(key);
    if (match) {
      if (bc.mode === "create") {
        outcomes.push({
          index: row.index,
          outcome: "skipped",
          id: match.visible ? match.row.id : undefined,
          reason: "A lead with this email already exists",
        });
      } else if (!match.visible) {
        outcomes.push({
          index: row.index,
          outcome: "skipped",
          reason: "The matching lead belongs to someone else",
        });
      } else {
        updates.push({
          index: row.index,
          before: match.row,
          after: mergeForUpdate(match.row, values, row),
          note: row.note,
        });
      }
      continue;
    }
    if (bc.mode === "update") {
      outcomes.push({ index: row.index, outcome: "skipped", reason: "No matching lead to update" });
      continue;
    }
    const status = values.status ?? firstOpenStatus(snapshot);
    const full = {
      ...values,
      status,
      source: values.source ?? defaultSource ?? null,
      ownerId: values.ownerId ?? null,
    } as LeadValues;
    const computed = computeScore(bc.scoring, full, {});
    const override = row.input.score ?? null;
    inserts.push({
      index: row.index,
      note: row.note,
      values: {
        ...full,
        organizationId: ctx.orgId,
        displayName: values.displayName!,
        status,
        searchText: leadSearchText(
          { ...full, displayName: values.displayName! } as LeadRow,
          row.note ? [row.note] : [],
        ),
        score: override ?? computed.score,
        scoreOverride: override,
        scoreBreakdown: computed.breakdown,
        temperature: computed.temperature,
        reachedStatuses: [status],
        importKey: values.email ? null : (row.importKey ?? null),
        importId: bc.importId ?? null,
        createdById: ctx.actor.id,
        updatedById: ctx.actor.id,
      },
    });
  }

  if (bc.dryRun) {
    for (const i of inserts) outcomes.push({ index: i.index, outcome: "created", id: "" });
    for (const u of updates) outcomes.push({ index: u.index, outcome: "updated", id: u.before.id });
    return outcomes.sort((a, b) => a.index - b.index);
  }

  for (let start = 0; start < inserts.length; start += 1000) {
    const slice = inserts.slice(start, start + 1000);
    const created = await insertLeadRows(
      tx,
      slice.map((s) => s.values),
    );
    const byKey = new Map(
      created.map((c) => [c.email ? `e:${c.email}` : `k:${c.import_key}`, c.id]),
    );
    const notes = [];
    for (const s of slice) {
      const key = s.values.email ? `e:${s.values.email}` : `k:${s.values.importKey}`;
      const id = byKey.get(key);
      if (!id) {
        outcomes.push({
          index: s.index,
          outcome: "skipped",
          reason: "A lead with this email was created meanwhile",
        });
        continue;
      }
      outcomes.push({ index: s.index, outcome: "created", id });
      if (s.note)
        notes.push({
          organizationId: ctx.orgId,
          leadId: id,
          body: s.note,
          authorId: ctx.actor.userId,
        });
    }
    if (notes.length) await tx.insert(leadNotes).values(notes);
  }

  if (updates.length) {
    await writeUpdates(tx, bc, updates);
    for (const u of updates) outcomes.push({ index: u.index, outcome: "updated", id: u.before.id });
  }
  return outcomes.sort((a, b) => a.index - b.index);
}

const LEAD_COLUMNS = Object.entries(getTableColumns(leads));
/**
 * jsonb_populate_recordset fills a key the rows leave out with null, never the column's default,
 * so every not-null column with a default needs its value here: plain defaults as declared, SQL
 * array defaults (tags, status paths kept by triggers, …) as empty arrays.
 */
const INSERT_DEFAULTS: Record<string, unknown> = Object.fromEntries(
  LEAD_COLUMNS.filter(([, c]) => c.notNull && c.hasDefault).flatMap(([key, c]) =>
    c.columnType === "PgArray"
      ? [[key, []]]
      : c.default !== undefined && !is(c.default, SQL)
        ? [[key, c.default]]
        : [],
  ),
);

/**
 * Many new leads in one statement with a single parameter: the rows as a JSON array, turned into
 * `leads` records by PostgreSQL. Building a 40-column multi-row VALUES list through the query
 * builder cost more than the insert itself (and hits the 65,535-parameter limit at 1,600 rows).
 * Rows whose email (or import key) already exists are left out, and the created ones returned.
 */
async function insertLeadRows(tx: Transaction, rows: Record<string, unknown>[]) {
  const now = new Date().toISOString();
  const records = rows.map((values) => {
    const record: Record<string, unknown> = {};
    for (const [key, column] of LEAD_COLUMNS) {
      const value = values[key] ?? INSERT_DEFAULTS[key] ?? null;
      record[column.name] = value instanceof Date ? value.toISOString() : value;
    }
    record.id = newId();
    record.created_at = now;
    record.updated_at = now;
    return record;
  });
  return queryRows<{ id: string; email: string | null; import_key: string | null }>(
    tx,
    sql`insert into leads
        select * from jsonb_populate_recordset(null::leads, ${JSON.stringify(records)}::jsonb)
        on conflict do nothing
        returning id, email, import_key`,
  );
}

/** Imports add to what a lead has: empty cells change nothing, tags and custom fields merge. */
function mergeForUpdate(before: LeadRow, values: LeadValues, row: BulkRow): LeadRow {
  const merged: Record<string, unknown> = { ...before };
  for (const key of EDITABLE) {
    const v = values[key];
    if (v === undefined || v === null || v === "") continue;
    if (key === "tags") merged.tags = [...new Set([...before.tags, ...(v as string[])])];
    else if (key === "customFields")
      merged.customFields = { ...before.customFields, ...(v as Record<string, unknown>) };
    else merged[key] = v;
  }
  if (row.input.score !== undefined) merged.scoreOverride = row.input.score;
  const next = merged as LeadRow;
  next.displayName =
    values.firstName || values.lastName
      ? (values.displayName ?? before.displayName)
      : before.displayName;
  if (merged.status !== before.status && !before.reachedStatuses.includes(next.status))
    next.reachedStatuses = [...before.reachedStatuses, next.status];
  next.searchText = leadSearchText(next, row.note ? [row.note] : []);
  return next;
}

async function writeUpdates(
  tx: Transaction,
  bc: BulkContext,
  updates: { before: LeadRow; after: LeadRow; note?: string | null }[],
) {
  const { ctx } = bc;
  const payload = updates.map(({ after: a }) => ({
    id: a.id,
    first_name: a.firstName,
    last_name: a.lastName,
    display_name: a.displayName,
    email: a.email,
    phone: a.phone,
    company: a.company,
    job_title: a.jobTitle,
    website: a.website,
    domain: a.domain,
    industry: a.industry,
    source: a.source,
    status: a.status,
    lost_reason: a.lostReason,
    owner_id: a.ownerId,
    score_override: a.scoreOverride,
    tags: a.tags,
    city: a.city,
    region: a.region,
    country: a.country,
    postal_code: a.postalCode,
    latitude: a.latitude,
    longitude: a.longitude,
    timezone: a.timezone,
    do_not_contact: a.doNotContact,
    unsubscribed: a.unsubscribed,
    custom_fields: a.customFields,
    reached_statuses: a.reachedStatuses,
    search_text: a.searchText,
    deal_value: a.dealValue,
    deal_currency: a.dealCurrency,
    expected_close_date: a.expectedCloseDate,
    won_at: a.wonAt,
    lost_at: a.lostAt,
  }));
  await tx.execute(sql`
    update leads set
      first_name = v.first_name, last_name = v.last_name, display_name = v.display_name, email = v.email, phone = v.phone,
      company = v.company, job_title = v.job_title, website = v.website, domain = v.domain, industry = v.industry,
      source = v.source, status = v.status, lost_reason = v.lost_reason, owner_id = v.owner_id, score_override = v.score_override,
      tags = v.tags, city = v.city, region = v.region, country = v.country, postal_code = v.postal_code,
      latitude = v.latitude, longitude = v.longitude, timezone = v.timezone, do_not_contact = v.do_not_contact,
      unsubscribed = v.unsubscribed, custom_fields = v.custom_fields, reached_statuses = v.reached_statuses,
      search_text = v.search_text, deal_value = v.deal_value, deal_currency = v.deal_currency,
      expected_close_date = v.expected_close_date, won_at = v.won_at, lost_at = v.lost_at, updated_by_id = ${ctx.actor.id}, updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as v(
      id uuid, first_name text, last_name text, display_name text, email text, phone text, company text, job_title text,
      website text, domain text, industry text, source text, status text, lost_reason text, owner_id uuid, score_override int,
      tags text[], city text, region text, country text, postal_code text, latitude double precision, longitude double precision,
      timezone text, do_not_contact boolean, unsubscribed boolean, custom_fields jsonb, reached_statuses text[], search_text text,
      deal_value numeric, deal_currency text, expected_close_date date, won_at timestamptz, lost_at timestamptz)
    where leads.organization_id = ${ctx.orgId} and leads.id = v.id`);

  const activities = [];
  const statusChanges = [];
  const notes = [];
  for (const { before, after, note } of updates) {
    const changes = diffChanges(
      Object.fromEntries(EDITABLE.map((k) => [k, before[k as keyof LeadRow]])),
      Object.fromEntries(EDITABLE.map((k) => [k, after[k as keyof LeadRow]])),
    );
    const { status, ...rest } = changes;
    if (Object.keys(rest).length) {
      activities.push({
        organizationId: ctx.orgId,
        leadId: after.id,
        type: "updated",
        actorType: ctx.actor.type,
        actorId: ctx.actor.id,
        data: { changes: rest, importId: bc.importId ?? null },
      });
    }
    if (status) {
      statusChanges.push({
        organizationId: ctx.orgId,
        leadId: after.id,
        fromStatus: before.status,
        toStatus: after.status,
      });
      activities.push({
        organizationId: ctx.orgId,
        leadId: after.id,
        type: "status_changed",
        actorType: ctx.actor.type,
        actorId: ctx.actor.id,
        data: { from: before.status, to: after.status },
      });
    }
    if (note)
      notes.push({
        organizationId: ctx.orgId,
        leadId: after.id,
        body: note,
        authorId: ctx.actor.userId,
      });
  }
  if (activities.length) await tx.insert(leadActivities).values(activities);
  if (statusChanges.length) await tx.insert(leadStatusChanges).values(statusChanges);
  if (notes.length) await tx.insert(leadNotes).values(notes);
  // Updated leads keep the points their events earned: recompute with events.
  await rescoreBatch(tx, ctx.orgId, bc.scoring, {
    ids: updates.map((u) => u.after.id),
    limit: updates.length,
  });
}

function safeOption(snapshot: LeadOptionsSnapshot, value: string) {
  try {
    return resolveOption(snapshot, "source", value);
  } catch {
    return undefined;
  }
}
