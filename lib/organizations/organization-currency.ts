import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { organizations } from "@/db/schema";

/** The currency of an organization that never chose one. */
export const DEFAULT_CURRENCY = "USD";

/** The organization's currency (settings.currency, ISO 4217): amounts without one are in it. */
export async function organizationCurrency(db: Queryable, orgId: string): Promise<string> {
  const [row] = await db
    .select({ currency: sql<string | null>`${organizations.settings}->>'currency'` })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  const currency = row?.currency;
  return currency && /^[A-Z]{3}$/.test(currency) ? currency : DEFAULT_CURRENCY;
}
