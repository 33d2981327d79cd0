import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { listings } from "@/db/schema";
import { newId } from "@/lib/crypto/ids";
import { createListing } from "@/lib/listings/listings";
import type { TestOrg } from "./fixtures";
import type { OperationFixture, PreparedCall } from "./operation-fixtures";

/** A listing of the organization, fresh for every call (destructive calls run once per role). */
export async function freshListing(org: TestOrg) {
  return createListing(org.ctx("owner"), {
    title: `Fixture flat ${newId().slice(-8)}`,
    type: "apartment",
    price: 250_000,
    currency: "EUR",
    location: "Berlin",
  });
}

const listingState = async (_org: TestOrg, call: PreparedCall) =>
  (await (await getDb()).select().from(listings).where(eq(listings.id, call.params!.id!)))[0];

const onListing = (body?: () => unknown): OperationFixture => ({
  prepare: async (org) => ({ params: { id: (await freshListing(org)).id }, body: body?.() }),
  snapshot: listingState,
});

/** How to call the listing routes (see OPERATION_FIXTURES). */
export const LISTINGS_FIXTURES: Record<string, OperationFixture> = {
  "POST /api/v1/listings": {
    prepare: async () => ({
      body: {
        title: `Fixture house ${newId().slice(-8)}`,
        type: "house",
        price: 480_000,
        location: "Hamburg",
      },
    }),
  },
  "GET /api/v1/listings/{id}": onListing(),
  "PATCH /api/v1/listings/{id}": onListing(() => ({ price: 260_000, status: "under_offer" })),
  "DELETE /api/v1/listings/{id}": onListing(),
};
