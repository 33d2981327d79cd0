import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { emailSuppressions, leads, type SuppressionReason } from "@/db/schema";
import { normalizeEmail } from "@/lib/leads/normalize";

/**
 * The organization's suppression list: addresses it must never email again. Every write happens
 * in the caller's transaction, together with whatever caused it (an unsubscribe, a bounce).
 */

export { normalizeEmail };

export interface SuppressInput {
  organizationId: string;
  email: string;
  reason: SuppressionReason;
  detail?: string | null;
  campaignId?: string | null;
  messageId?: string | null;
}

/**
 * Add an address (idempotent: an address is listed once). A bounce or complaint after an
 * unsubscribe takes over the reason, because a self-service "resubscribe" may only lift an
 * unsubscribe — never an address that bounced or complained.
 */
export async function suppressEmail(
  db: Queryable,
  input: SuppressInput,
): Promise<{ id: string; created: boolean; reason: SuppressionReason }> {
  const email = normalizeEmail(input.email);
  const [inserted] = await db
    .insert(emailSuppressions)
    .values({
      organizationId: input.organizationId,
      email,
      reason: input.reason,
      detail: input.detail ?? null,
      campaignId: input.campaignId ?? null,
      messageId: input.messageId ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: emailSuppressions.id, reason: emailSuppressions.reason });
  if (inserted) return { ...inserted, created: true };
  if (input.reason === "bounced" || input.reason === "complained") {
    await db
      .update(emailSuppressions)
      .set({ reason: input.reason, detail: input.detail ?? null })
      .where(
        and(
          eq(emailSuppressions.organizationId, input.organizationId),
          eq(emailSuppressions.email, email),
          eq(emailSuppressions.reason, "unsubscribed"),
        ),
      );
  }
  const [existing] = await db
    .select({ id: emailSuppressions.id, reason: emailSuppressions.reason })
    .from(emailSuppressions)
    .where(
      and(
        eq(emailSuppressions.organizationId, input.organizationId),
        eq(emailSuppressions.email, email),
      ),
    );
  return { ...existing!, created: false };
}

/** The organization's suppression of this address (any spelling of it), if there is one. */
export async function findSuppression(db: Queryable, organizationId: string, email: string) {
  const [row] = await db
    .select()
    .from(emailSuppressions)
    .where(
      and(
        eq(emailSuppressions.organizationId, organizationId),
        eq(emailSuppressions.email, normalizeEmail(email)),
      ),
    )
    .limit(1);
  return row;
}

export async function isSuppressed(
  db: Queryable,
  organizationId: string,
  email: string,
): Promise<boolean> {
  return Boolean(await findSuppression(db, organizationId, email));
}

/** The organization's live leads with this address (emails are unique per org, case aside). */
export async function leadIdsWithEmail(
  db: Queryable,
  organizationId: string,
  email: string,
): Promise<string[]> {
  const rows = await db
    .select({ id: leads.id })
    .from(leads)
    .where(
      and(
        eq(leads.organizationId, organizationId),
        isNull(leads.deletedAt),
        // Lead emails are stored normalized (lib/leads/normalize.ts), so the unique index applies.
        eq(leads.email, normalizeEmail(email)),
      ),
    );
  return rows.map((r) => r.id);
}
