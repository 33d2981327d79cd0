import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { communicationPreferences, mailboxes } from "@/db/schema";
import type { OrganizationSetup } from "./channel-policy";
import { providerRows } from "./provider-accounts";

export type PreferencesRow = typeof communicationPreferences.$inferSelect;

/** The organization's defaults row (lead_id null), if it was ever saved. */
export async function organizationDefaultsRow(
  db: Queryable,
  orgId: string,
): Promise<PreferencesRow | undefined> {
  const [row] = await db
    .select()
    .from(communicationPreferences)
    .where(
      and(
        eq(communicationPreferences.organizationId, orgId),
        isNull(communicationPreferences.leadId),
      ),
    )
    .limit(1);
  return row;
}

/** Everything about the organization the channel rule needs, read once per send or bulk run. */
export async function loadOrganizationSetup(
  db: Queryable,
  orgId: string,
): Promise<OrganizationSetup> {
  const [defaults, providers, [mailbox]] = await Promise.all([
    organizationDefaultsRow(db, orgId),
    providerRows(db, orgId),
    db
      .select({ id: mailboxes.id })
      .from(mailboxes)
      .where(eq(mailboxes.organizationId, orgId))
      .limit(1),
  ]);
  return {
    enabledChannels: defaults?.enabledChannels ?? null,
    consent: defaults?.consent ?? {},
    providers,
    hasMailbox: Boolean(mailbox),
  };
}
