import { count, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { productContextMessages, productContexts } from "@/db/schema";
import type { TestOrg } from "./fixtures";
import type { OperationFixture } from "./operation-fixtures";

/** The organization's context and chat size: what a refused write must leave alone. */
async function contextState(org: TestOrg) {
  const db = await getDb();
  const [context] = await db
    .select()
    .from(productContexts)
    .where(eq(productContexts.organizationId, org.id));
  const [log] = await db
    .select({ n: count() })
    .from(productContextMessages)
    .where(eq(productContextMessages.organizationId, org.id));
  return { context: context ?? null, messages: log!.n };
}

/** How to call the product-context routes (see OPERATION_FIXTURES). */
export const PRODUCT_CONTEXT_FIXTURES: Record<string, OperationFixture> = {
  "PUT /api/v1/product-context": {
    prepare: async () => ({
      body: { productName: "Fixture Books", competitors: ["Xero", "Sage"] },
    }),
    snapshot: (org) => contextState(org),
  },
  "POST /api/v1/product-context/chat": {
    prepare: async () => ({
      body: { message: "We sell invoicing software to accounting firms." },
    }),
    snapshot: (org) => contextState(org),
  },
};
