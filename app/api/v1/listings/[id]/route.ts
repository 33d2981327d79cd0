import { listingSchema, updateListingInput } from "@/lib/listings/listing-schemas";
import { deleteListing, getListing, updateListing } from "@/lib/listings/listings";
import { idParams } from "@/lib/http/params";
import { noContent } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// GET /api/v1/listings/{id} — one listing
export const GET = route(
  {
    summary: "Get a listing",
    tags: ["Listings"],
    auth: "listings:read",
    params: idParams,
    responses: { 200: { description: "The listing", schema: listingSchema } },
  },
  ({ ctx, params }) => getListing(ctx, params.id),
);

// PATCH /api/v1/listings/{id} — change some fields (mark it sold with soldAt and soldPrice)
export const PATCH = route(
  {
    summary: "Update a listing",
    tags: ["Listings"],
    auth: "listings:write",
    params: idParams,
    body: updateListingInput,
    responses: { 200: { description: "Updated", schema: listingSchema } },
  },
  ({ ctx, params, body }) => updateListing(ctx, params.id, body),
);

// DELETE /api/v1/listings/{id} — remove a listing (inquiries that named it keep the id)
export const DELETE = route(
  {
    summary: "Delete a listing",
    tags: ["Listings"],
    auth: "listings:write",
    params: idParams,
    responses: { 204: { description: "Deleted" } },
  },
  async ({ ctx, params }) => {
    await deleteListing(ctx, params.id);
    return noContent();
  },
);
