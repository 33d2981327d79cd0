import {
  createListingInput,
  listingSchema,
  listListingsQuery,
} from "@/lib/listings/listing-schemas";
import { createListing, listListings } from "@/lib/listings/listings";
import { listSchema } from "@/lib/http/pagination";
import { created, listResponse } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// GET /api/v1/listings — the organization's listings (properties, units), filtered, in pages
export const GET = route(
  {
    summary: "List listings",
    description:
      "Newest listed first. Filters: `status`, `type`, `location` (any case), `q` (title). Page or cursor pagination.",
    tags: ["Listings"],
    auth: "listings:read",
    query: listListingsQuery,
    responses: { 200: { description: "A page of listings", schema: listSchema(listingSchema) } },
  },
  async ({ ctx, query }) => listResponse(await listListings(ctx, query)),
);

// POST /api/v1/listings — add a listing
export const POST = route(
  {
    summary: "Create a listing",
    description:
      "Price ≥ 0 in `currency` (the organization's by default); a `sold` listing needs `soldAt`, never before `listedAt`.",
    tags: ["Listings"],
    auth: "listings:write",
    body: createListingInput,
    responses: { 201: { description: "Created", schema: listingSchema } },
  },
  async ({ ctx, body }) => {
    const listing = await createListing(ctx, body);
    return created(listing, `/api/v1/listings/${listing.id}`);
  },
);
