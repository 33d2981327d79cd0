import { z } from "zod";
import { LISTING_STATUSES, type listings } from "@/db/schema";
import { pageQuerySchema } from "@/lib/http/pagination";
import { currencyCode, moneyAmount } from "@/lib/leads/lead-schemas";

const instant = z.iso.datetime({ offset: true });

/** What a client may set on a listing; create requires the first five. */
const listingFields = {
  title: z.string().trim().min(1).max(200),
  type: z.string().trim().min(1).max(50).meta({
    description: "A free slug such as apartment, house, office, land (stored lower-case)",
  }),
  price: moneyAmount,
  currency: currencyCode.meta({ description: "Defaults to the organization's currency" }),
  location: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .meta({ description: "A city or area name; price trends group by it" }),
  status: z.enum(LISTING_STATUSES),
  listedAt: instant.meta({ description: "Defaults to now" }),
  soldAt: instant.nullable().meta({ description: "Required when the status is sold" }),
  soldPrice: moneyAmount.nullable(),
  ownerId: z.uuid().nullable(),
};

export const createListingInput = z
  .strictObject({
    ...listingFields,
    currency: listingFields.currency.optional(),
    status: listingFields.status.optional(),
    listedAt: listingFields.listedAt.optional(),
    soldAt: listingFields.soldAt.optional(),
    soldPrice: listingFields.soldPrice.optional(),
    ownerId: listingFields.ownerId.optional(),
  })
  .meta({ id: "CreateListing" });
export type CreateListingInput = z.infer<typeof createListingInput>;

export const updateListingInput = z
  .strictObject(listingFields)
  .partial()
  .meta({ id: "UpdateListing" });
export type UpdateListingInput = z.infer<typeof updateListingInput>;

export const listingSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    type: z.string(),
    price: z.number(),
    currency: z.string(),
    location: z.string(),
    status: z.enum(LISTING_STATUSES),
    listedAt: z.iso.datetime(),
    soldAt: z.iso.datetime().nullable(),
    soldPrice: z.number().nullable(),
    ownerId: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Listing" });
export type ListingDto = z.infer<typeof listingSchema>;

export const listListingsQuery = pageQuerySchema
  .extend({
    q: z.string().trim().max(200).optional().meta({ description: "Words in the title" }),
    status: z.enum(LISTING_STATUSES).optional(),
    type: z.string().trim().min(1).max(50).optional(),
    location: z.string().trim().min(1).max(100).optional(),
  })
  .strict()
  .meta({ id: "ListingsQuery" });

export type ListingRow = typeof listings.$inferSelect;

export function toListingDto(row: ListingRow): ListingDto {
  return {
    id: row.id,
    title: row.title,
    type: row.type,
    price: row.price,
    currency: row.currency,
    location: row.location,
    status: row.status,
    listedAt: row.listedAt.toISOString(),
    soldAt: row.soldAt?.toISOString() ?? null,
    soldPrice: row.soldPrice,
    ownerId: row.ownerId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
