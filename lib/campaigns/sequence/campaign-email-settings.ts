import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { emailSettings } from "@/db/schema";

/**
 * The organization's email settings a campaign message is composed with — tracking defaults and
 * the compliance footer — with the defaults of an organization that never saved any. Real sends
 * and test sends read them here, so both render the same footer.
 */
export async function campaignEmailSettings(db: Queryable, orgId: string) {
  const [row] = await db
    .select()
    .from(emailSettings)
    .where(eq(emailSettings.organizationId, orgId))
    .limit(1);
  return {
    trackOpens: row?.trackOpens ?? true,
    trackClicks: row?.trackClicks ?? true,
    postalAddress: row?.postalAddress ?? null,
    unsubscribeText: row?.unsubscribeText ?? null,
    inboundAddress: row?.inboundAddress ?? null,
  };
}
