import { and, count, eq, ilike, inArray, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Database, Queryable } from "@/db/client";
import { campaigns, type CampaignStatus, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { organizationCurrency } from "@/lib/organizations/organization-currency";
import { AppError, notFound } from "@/lib/errors";
import { paginate } from "@/lib/http/pagination";
import { containsPattern } from "@/lib/http/query";
import { parseSort } from "@/lib/http/sort";
import { addRecipients } from "./add-recipients";
import { recipientCountsFor, toCampaignDto, type CampaignRow } from "./campaign-dto";
import type {
  addRecipientsResultSchema,
  CampaignDto,
  createCampaignInput,
  listCampaignsQuery,
  replaceCampaignInput,
  updateCampaignInput,
} from "./campaign-schemas";
import { buildSteps, checkReferences, sentStepCount, withFreshIds } from "./campaign-steps";
import { expandShorthand } from "./campaign-shorthand";
import { reassignUnsentMailboxes } from "./recipient-mailboxes";

type AddResult = z.infer<typeof addRecipientsResultSchema>;

const inOrg = (ctx: Ctx) => eq(campaigns.organizationId, ctx.orgId);

/** The campaign row (any status) or a 404 — also for another organization's id. */
export async function getCampaignRowOrThrow(
  ctx: Ctx,
  id: string,
  db: Queryable = ctx.db,
  options: { forUpdate?: boolean } = {},
): Promise<CampaignRow> {
  assertCan(ctx, "campaigns:read");
  const query = db
    .select()
    .from(campaigns)
    .where(and(inOrg(ctx), eq(campaigns.id, id)));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  if (!row) throw notFound("Campaign");
  return row;
}

async function toDtos(db: Queryable, orgId: string, rows: CampaignRow[]): Promise<CampaignDto[]> {
  const ownerIds = [...new Set(rows.map((r) => r.ownerId).filter((id): id is string => !!id))];
  // Sequential: this also runs inside transactions, where PGlite has a single connection.
  const counts = await recipientCountsFor(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  const owners = ownerIds.length
    ? await db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(inArray(users.id, ownerIds))
    : [];
  const names = new Map(owners.map((o) => [o.id, o.name]));
  return rows.map((r) =>
    toCampaignDto(r, r.ownerId ? (names.get(r.ownerId) ?? null) : null, counts.get(r.id)!),
  );
}

/** The campaign as the API shows it, with its recipients counted by state. */
export async function getCampaign(ctx: Ctx, id: string, db: Queryable = ctx.db) {
  const row = await getCampaignRowOrThrow(ctx, id, db);
  return (await toDtos(db, ctx.orgId, [row]))[0]!;
}

const SORTABLE = {
  name: { expr: campaigns.name, type: "string" as const },
  status: { expr: campaigns.status, type: "string" as const },
  createdAt: { expr: campaigns.createdAt, type: "date" as const },
  updatedAt: { expr: campaigns.updatedAt, type: "date" as const },
  launchedAt: {
    expr: sql`coalesce(${campaigns.launchedAt}, '-infinity'::timestamptz)`,
    type: "date" as const,
    nullValue: "-infinity",
  },
};

export async function listCampaigns(ctx: Ctx, query: z.infer<typeof listCampaignsQuery>) {
  assertCan(ctx, "campaigns:read");
  const pattern = query.q ? containsPattern(query.q) : undefined;
  const filter = and(
    inOrg(ctx),
    pattern ? or(ilike(campaigns.name, pattern), ilike(campaigns.description, pattern)) : undefined,
    query.status ? eq(campaigns.status, query.status) : undefined,
    query.ownerId ? eq(campaigns.ownerId, query.ownerId) : undefined,
  );
  const sort = parseSort(query.sort, SORTABLE, {
    default: "-updatedAt",
    tieBreaker: { field: "id", expr: campaigns.id, type: "string" },
  });
  const page = await paginate<CampaignRow>({
    query,
    sort,
    fetch: ({ where, orderBy, limit, offset }) =>
      ctx.db
        .select()
        .from(campaigns)
        .where(and(filter, where))
        .orderBy(...orderBy)
        .limit(limit)
        .offset(offset),
    count: async () => (await ctx.db.select({ n: count() }).from(campaigns).where(filter))[0]!.n,
  });
  return { ...page, data: await toDtos(ctx.db, ctx.orgId, page.data) };
}

type CreateInput = z.infer<typeof createCampaignInput>;
type UpdateInput = z.infer<typeof updateCampaignInput>;

export async function createCampaign(
  ctx: Ctx,
  fullInput: CreateInput,
  audit = "campaign.created",
): Promise<CampaignDto & { recipientsAdded?: AddResult }> {
  assertCan(ctx, "campaigns:write");
  const { campaign: input, leadIds } = expandShorthand(fullInput);
  const steps = buildSteps(input.steps ?? [], [], 0);
  const ownerId = input.ownerId === undefined ? ctx.actor.userId : input.ownerId;
  const mailboxIds = input.mailboxIds ? [...new Set(input.mailboxIds)] : undefined;
  const now = new Date();
  return ctx.db.transaction(async (tx) => {
    await checkReferences(tx, ctx.orgId, { mailboxIds, steps, ownerId });
    const [row] = await tx
      .insert(campaigns)
      .values({
        organizationId: ctx.orgId,
        name: input.name,
        description: input.description || null,
        status: "draft",
        ownerId,
        steps,
        mailboxIds,
        sendWindow: input.sendWindow,
        timezone: input.timezone,
        useLeadTimezone: input.useLeadTimezone,
        dailyLimit: input.dailyLimit,
        stopConditions: input.stopConditions,
        allowConcurrentCampaigns: input.allowConcurrentCampaigns,
        trackOpens: input.trackOpens,
        trackClicks: input.trackClicks,
        costAmount: input.costAmount ?? null,
        costCurrency:
          input.costCurrency ??
          (input.costAmount != null ? await organizationCurrency(tx, ctx.orgId) : null),
        createdBy: ctx.actor.userId,
        // From JS (milliseconds), not the column default (microseconds): list cursors carry ms.
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: audit,
      resourceType: "campaign",
      resourceId: row!.id,
      changes: { name: row!.name },
    });
    if (!leadIds) return getCampaign(ctx, row!.id, tx);
    // In the same transaction: the campaign and its first recipients exist together or not at all.
    const recipientsAdded = await addRecipients(
      { ...ctx, db: tx as unknown as Database },
      row!.id,
      {
        leadIds,
      },
    );
    return { ...(await getCampaign(ctx, row!.id, tx)), recipientsAdded };
  });
}

/**
 * PATCH (and PUT, which passes every field) of a campaign in any status. Steps that have already
 * gone out to someone stay in place (see buildSteps); name, limits, window, mailboxes and later
 * steps may change even while the campaign runs — the engine reads them at each send.
 */
export async function updateCampaign(ctx: Ctx, id: string, input: UpdateInput) {
  assertCan(ctx, "campaigns:write");
  return ctx.db.transaction(async (tx) => {
    const current = await getCampaignRowOrThrow(ctx, id, tx, { forUpdate: true });
    const steps =
      input.steps === undefined
        ? undefined
        : buildSteps(input.steps, current.steps, await sentStepCount(tx, ctx.orgId, id));
    const mailboxIds = input.mailboxIds ? [...new Set(input.mailboxIds)] : undefined;
    await checkReferences(tx, ctx.orgId, {
      mailboxIds,
      steps,
      ownerId: input.ownerId !== current.ownerId ? input.ownerId : undefined,
    });
    // A status change goes through the lifecycle (patchCampaign), never straight to the column.
    const { description, steps: _steps, mailboxIds: _mailboxIds, status: _status, ...rest } = input;
    if (rest.costAmount != null && rest.costCurrency === undefined && !current.costCurrency)
      rest.costCurrency = await organizationCurrency(tx, ctx.orgId);
    await tx
      .update(campaigns)
      .set({
        ...rest,
        ...(description !== undefined ? { description: description || null } : {}),
        ...(steps ? { steps } : {}),
        ...(mailboxIds ? { mailboxIds } : {}),
        updatedAt: new Date(),
      })
      .where(and(inOrg(ctx), eq(campaigns.id, id)));
    if (mailboxIds && JSON.stringify(mailboxIds) !== JSON.stringify(current.mailboxIds)) {
      await reassignUnsentMailboxes(tx, ctx.orgId, id, mailboxIds);
    }
    await recordAudit(tx, ctx, {
      action: "campaign.updated",
      resourceType: "campaign",
      resourceId: id,
      changes: { fields: Object.keys(input) },
    });
    return getCampaign(ctx, id, tx);
  });
}

/** The settings a PUT resets when left out (the columns' defaults); the owner is kept. */
export const CAMPAIGN_DEFAULTS = {
  description: null,
  steps: [],
  mailboxIds: [],
  sendWindow: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" },
  timezone: "UTC",
  useLeadTimezone: true,
  dailyLimit: 200,
  stopConditions: { reply: true, bounce: true, statusCategories: ["won", "lost"] },
  allowConcurrentCampaigns: false,
  trackOpens: null,
  trackClicks: null,
  costAmount: null,
  costCurrency: null,
} satisfies Omit<UpdateInput, "name" | "ownerId">;

export function replaceCampaign(ctx: Ctx, id: string, input: z.infer<typeof replaceCampaignInput>) {
  return updateCampaign(ctx, id, { ...CAMPAIGN_DEFAULTS, ...input });
}

/** Statuses in which nothing is (or will be) sent, so the campaign may go. */
export const DELETABLE_STATUSES = ["draft", "completed", "stopped"] as const;

/** A status conflict as a problem that tells the client where the campaign stands. */
export function statusConflict(status: CampaignStatus, detail: string) {
  return new AppError("conflict", detail, { extra: { campaignStatus: status } });
}

export async function deleteCampaign(ctx: Ctx, id: string) {
  assertCan(ctx, "campaigns:write");
  await ctx.db.transaction(async (tx) => {
    // Delete only in a deletable status, in one statement: a launch racing this can't slip by.
    const rows = await tx
      .delete(campaigns)
      .where(
        and(inOrg(ctx), eq(campaigns.id, id), inArray(campaigns.status, [...DELETABLE_STATUSES])),
      )
      .returning({ name: campaigns.name });
    if (rows.length === 0) {
      const current = await getCampaignRowOrThrow(ctx, id, tx);
      throw statusConflict(
        current.status,
        `The campaign is ${current.status}; stop it before deleting it.`,
      );
    }
    await recordAudit(tx, ctx, {
      action: "campaign.deleted",
      resourceType: "campaign",
      resourceId: id,
      changes: { name: rows[0]!.name },
    });
  });
}

/** A draft copy "<name> (copy)" owned by the caller: same settings, fresh step ids, no recipients. */
export async function duplicateCampaign(ctx: Ctx, id: string) {
  assertCan(ctx, "campaigns:write");
  const source = await getCampaignRowOrThrow(ctx, id);
  return createCampaign(
    ctx,
    {
      name: `${source.name} (copy)`.slice(0, 120),
      description: source.description,
      mailboxIds: source.mailboxIds,
      sendWindow: source.sendWindow,
      timezone: source.timezone,
      useLeadTimezone: source.useLeadTimezone,
      dailyLimit: source.dailyLimit,
      stopConditions: source.stopConditions,
      allowConcurrentCampaigns: source.allowConcurrentCampaigns,
      trackOpens: source.trackOpens,
      trackClicks: source.trackClicks,
      steps: withFreshIds(source.steps),
    },
    "campaign.duplicated",
  );
}
