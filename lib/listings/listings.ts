import { and, count, eq, ilike, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { listings, memberships } from "@/db/schema";
import { diffChanges, recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { AppError, notFound, type FieldError } from "@/lib/errors";
import { validationError } from "@/lib/http/problem";
import { paginate } from "@/lib/http/pagination";
import { containsPattern } from "@/lib/http/query";
import { parseSort } from "@/lib/http/sort";
import { organizationCurrency } from "@/lib/organizations/organization-currency";
import type { z } from "zod";
import {
  toListingDto,
  type listListingsQuery,
  type CreateListingInput,
  type ListingRow,
  type UpdateListingInput,
} from "./listing-schemas";

const inOrg = (ctx: Pick<Ctx, "orgId">) => eq(listings.organizationId, ctx.orgId);

const SORTABLE = {
  listedAt: { expr: listings.listedAt, type: "date" as const },
  price: { expr: listings.price, type: "number" as const },
  title: { expr: listings.title, type: "string" as const },
  updatedAt: { expr: listings.updatedAt, type: "date" as const },
};

/** GET /listings: the organization's listings, newest first, filtered, in keyset pages. */
export async function listListings(ctx: Ctx, query: z.infer<typeof listListingsQuery>) {
  assertCan(ctx, "listings:read");
  const filter = and(
    inOrg(ctx),
    query.q ? ilike(listings.title, containsPattern(query.q)) : undefined,
    query.status ? eq(listings.status, query.status) : undefined,
    query.type ? eq(listings.type, query.type.toLowerCase()) : undefined,
    // Locations are typed by people: "berlin" finds "Berlin".
    query.location ? sql`lower(${listings.location}) = ${query.location.toLowerCase()}` : undefined,
  );
  const sort = parseSort(query.sort, SORTABLE, {
    default: "-listedAt",
    tieBreaker: { field: "id", expr: listings.id, type: "string" },
  });
  const page = await paginate<ListingRow>({
    query,
    sort,
    fetch: ({ where, orderBy, limit, offset }) =>
      ctx.db
        .select()
        .from(listings)
        .where(and(filter, where))
        .orderBy(...orderBy)
        .limit(limit)
        .offset(offset),
    count: async () => (await ctx.db.select({ n: count() }).from(listings).where(filter))[0]!.n,
  });
  return { ...page, data: page.data.map(toListingDto) };
}

async function listingRowOrThrow(ctx: Ctx, id: string, db: Queryable = ctx.db) {
  const [row] = await db
    .select()
    .from(listings)
    .where(and(inOrg(ctx), eq(listings.id, id)))
    .limit(1);
  if (!row) throw notFound("Listing");
  return row;
}

export async function getListing(ctx: Ctx, id: string) {
  assertCan(ctx, "listings:read");
  return toListingDto(await listingRowOrThrow(ctx, id));
}

type ListingValues = Omit<ListingRow, "id" | "organizationId" | "createdAt" | "updatedAt">;

/** The rules that span fields, on the listing as it will be stored. */
async function checkListing(ctx: Ctx, v: ListingValues, ownerChanged: boolean) {
  const errors: FieldError[] = [];
  if (v.status === "sold" && !v.soldAt)
    errors.push({ path: "soldAt", message: "A sold listing needs the date it sold" });
  if (v.soldAt && v.soldAt < v.listedAt)
    errors.push({ path: "soldAt", message: "Cannot be before the listing date" });
  if (v.ownerId && ownerChanged) {
    const [member] = await ctx.db
      .select({ id: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.organizationId, ctx.orgId), eq(memberships.userId, v.ownerId)));
    if (!member) errors.push({ path: "ownerId", message: "Not a member of this organization" });
  }
  if (errors.length) throw validationError(errors);
}

export async function createListing(ctx: Ctx, input: CreateListingInput) {
  assertCan(ctx, "listings:write");
  const values: ListingValues = {
    title: input.title,
    type: input.type.toLowerCase(),
    price: input.price,
    currency: input.currency ?? (await organizationCurrency(ctx.db, ctx.orgId)),
    location: input.location,
    status: input.status ?? "active",
    listedAt: input.listedAt ? new Date(input.listedAt) : new Date(),
    soldAt: input.soldAt ? new Date(input.soldAt) : null,
    soldPrice: input.soldPrice ?? null,
    ownerId: input.ownerId === undefined ? ctx.actor.userId : input.ownerId,
  };
  await checkListing(ctx, values, true);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(listings)
      .values({ ...values, organizationId: ctx.orgId })
      .returning();
    await recordAudit(tx, ctx, {
      action: "listing.created",
      resourceType: "listing",
      resourceId: row!.id,
      changes: { title: row!.title, price: row!.price },
    });
    return toListingDto(row!);
  });
}

export async function updateListing(ctx: Ctx, id: string, input: UpdateListingInput) {
  assertCan(ctx, "listings:write");
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(listings)
      .where(and(inOrg(ctx), eq(listings.id, id)))
      .for("update");
    if (!existing) throw notFound("Listing");
    const patch: Partial<ListingValues> = {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.type !== undefined ? { type: input.type.toLowerCase() } : {}),
      ...(input.price !== undefined ? { price: input.price } : {}),
      ...(input.currency !== undefined ? { currency: input.currency } : {}),
      ...(input.location !== undefined ? { location: input.location } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
      ...(input.listedAt !== undefined ? { listedAt: new Date(input.listedAt) } : {}),
      ...(input.soldAt !== undefined
        ? { soldAt: input.soldAt ? new Date(input.soldAt) : null }
        : {}),
      ...(input.soldPrice !== undefined ? { soldPrice: input.soldPrice } : {}),
      ...(input.ownerId !== undefined ? { ownerId: input.ownerId } : {}),
    };
    const merged = { ...existing, ...patch };
    await checkListing(
      ctx,
      merged,
      input.ownerId !== undefined && input.ownerId !== existing.ownerId,
    );
    const changes = diffChanges(existing as unknown as Record<string, unknown>, patch);
    if (!Object.keys(changes).length) return toListingDto(existing);
    const [row] = await tx
      .update(listings)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(inOrg(ctx), eq(listings.id, id)))
      .returning();
    await recordAudit(tx, ctx, {
      action: "listing.updated",
      resourceType: "listing",
      resourceId: id,
      changes,
    });
    return toListingDto(row!);
  });
}

/** Inquiries and tracked events that named it keep their rows and the id (history stays). */
export async function deleteListing(ctx: Ctx, id: string) {
  assertCan(ctx, "listings:write");
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(listings)
      .where(and(inOrg(ctx), eq(listings.id, id)))
      .returning({ title: listings.title });
    if (!row) throw notFound("Listing");
    await recordAudit(tx, ctx, {
      action: "listing.deleted",
      resourceType: "listing",
      resourceId: id,
      changes: { title: row.title },
    });
  });
}

/**
 * A listing id a client sent along with something else (an inquiry, a tracked event): it must
 * name a listing of the caller's organization, else the request is refused (422) — never a
 * reference into another tenant.
 */
export async function assertListingOfOrg(
  db: Queryable,
  orgId: string,
  listingId: string,
  path = "listingId",
) {
  const [row] = await db
    .select({ id: listings.id })
    .from(listings)
    .where(and(eq(listings.organizationId, orgId), eq(listings.id, listingId)))
    .limit(1);
  if (!row) {
    const message = "No such listing in this organization";
    throw new AppError("unprocessable", message, { errors: [{ path, message }] });
  }
}
