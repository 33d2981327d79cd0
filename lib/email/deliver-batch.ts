import { and, asc, eq, exists, inArray, isNull, ne, not, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { emailAttachments, emailMessages } from "@/db/schema";
import { emailBatchReady } from "@/inngest/events";
import { enqueueEvent } from "@/lib/jobs/outbox";
import { sha256Hex } from "@/lib/crypto/keys";
import { deliverEmail } from "./deliver-email";
import { transportFor } from "./system-transport";
import { RESEND_BATCH_LIMIT } from "./transports/resend-transport";
import { PermanentSendError, providerKey, type EmailTransport } from "./transports/types";

/** Marks a queued message as taken by one batch until it is sent. */
const CLAIM_PREFIX = "claim:";

export interface ClaimedBatch {
  ids: string[];
}

/**
 * The batch request's idempotency key: the same attempts of the same messages always give the
 * same key, and a resend after a soft bounce (a later attempt) a new one.
 */
export const batchKey = (messages: { id: string; resendAttempts: number }[]) =>
  `batch-${sha256Hex(
    messages
      .map((m) => providerKey(m.id, m.resendAttempts))
      .sort()
      .join(","),
  ).slice(0, 40)}`;

/**
 * Take a queued message and up to 99 others waiting for the same provider in the same
 * organization, so one request carries them all. Claimed rows are marked (in their
 * provider_message_id, empty until sent) so another delivery run skips them; a run whose
 * message is already claimed or sent gets null and has nothing to do. The claimed set travels on
 * an `email/batch.ready` event, so a retried delivery sends the same messages under the same key.
 */
export async function claimBatch(
  db: Database,
  emailMessageId: string,
): Promise<ClaimedBatch | null> {
  return db.transaction(async (tx) => {
    const [first] = await tx
      .select()
      .from(emailMessages)
      .where(
        and(
          eq(emailMessages.id, emailMessageId),
          eq(emailMessages.status, "queued"),
          isNull(emailMessages.providerMessageId),
        ),
      )
      .for("update", { skipLocked: true });
    if (!first) return null;
    // Resend's batch API takes no attachments: a message with files is claimed alone, and a
    // batch of one is delivered on its own (deliverEmail), files included.
    const filesOf = (id: string | typeof emailMessages.id) =>
      tx
        .select({ id: emailAttachments.id })
        .from(emailAttachments)
        .where(
          and(
            first.organizationId
              ? eq(emailAttachments.organizationId, first.organizationId)
              : isNull(emailAttachments.organizationId),
            eq(emailAttachments.emailMessageId, id),
          ),
        );
    const [alone] = await filesOf(first.id).limit(1);
    const others = alone
      ? []
      : await tx
          .select({ id: emailMessages.id, resendAttempts: emailMessages.resendAttempts })
          .from(emailMessages)
          .where(
            and(
              first.organizationId
                ? eq(emailMessages.organizationId, first.organizationId)
                : isNull(emailMessages.organizationId),
              eq(emailMessages.transport, first.transport),
              eq(emailMessages.status, "queued"),
              isNull(emailMessages.providerMessageId),
              ne(emailMessages.id, first.id),
              not(exists(filesOf(emailMessages.id))),
            ),
          )
          .orderBy(asc(emailMessages.createdAt))
          .limit(RESEND_BATCH_LIMIT - 1)
          .for("update", { skipLocked: true });
    const claimed = [first, ...others];
    const ids = claimed.map((m) => m.id);
    await tx
      .update(emailMessages)
      .set({ providerMessageId: `${CLAIM_PREFIX}${batchKey(claimed)}` })
      .where(inArray(emailMessages.id, ids));
    // The send itself is a job of its own, throttled to the provider's rate: runs that find their
    // message already claimed end here without using up the provider's requests.
    await enqueueEvent(
      tx,
      emailBatchReady,
      { organizationId: first.organizationId, transport: first.transport, messageIds: ids },
      { organizationId: first.organizationId },
    );
    return { ids };
  });
}

/** Hand claimed messages back, so each can be delivered on its own. */
async function release(db: Database, ids: string[]) {
  await db
    .update(emailMessages)
    .set({ providerMessageId: null })
    .where(
      and(
        inArray(emailMessages.id, ids),
        sql`${emailMessages.providerMessageId} like ${`${CLAIM_PREFIX}%`}`,
      ),
    );
}

/**
 * Send a claimed batch in one provider request and record each message's provider id. A
 * provider without a batch API, a batch of one, or a batch the provider refuses as invalid (one
 * bad address refuses them all, and nothing was sent) is delivered message by message instead,
 * so each failure is recorded on its own message. Transient failures throw for the job to retry.
 */
export async function deliverBatch(
  db: Database,
  batch: ClaimedBatch,
  explicit?: EmailTransport,
): Promise<{ sent: number; oneByOne: boolean }> {
  const messages = await db
    .select()
    .from(emailMessages)
    .where(and(inArray(emailMessages.id, batch.ids), eq(emailMessages.status, "queued")))
    .orderBy(asc(emailMessages.id));
  if (!messages.length) return { sent: 0, oneByOne: false };
  const transport = explicit ?? (await transportFor(db, messages[0]!));
  if (!transport.sendBatch || messages.length === 1) {
    return oneByOne(
      db,
      messages.map((m) => m.id),
      transport,
    );
  }
  let results;
  try {
    results = await transport.sendBatch(
      messages.map((m) => ({
        id: m.id,
        idempotencyKey: providerKey(m.id, m.resendAttempts),
        from: m.fromAddress,
        to: m.toAddress,
        replyTo: m.replyTo,
        subject: m.subject,
        html: m.html,
        text: m.text,
        headers: m.headers,
      })),
      // Keyed by the messages still queued: if an earlier attempt's request went through but
      // recording it didn't, the same set is sent again under the same key and Resend ignores it.
      batchKey(messages),
    );
  } catch (error) {
    if (error instanceof PermanentSendError) {
      return oneByOne(
        db,
        messages.map((m) => m.id),
        transport,
      );
    }
    const text = error instanceof Error ? error.message : String(error);
    await db.update(emailMessages).set({ error: text }).where(inArray(emailMessages.id, batch.ids));
    throw error;
  }
  const sentAt = new Date();
  await db.transaction(async (tx) => {
    for (const [i, message] of messages.entries()) {
      await tx
        .update(emailMessages)
        .set({
          status: "sent",
          transport: transport.name,
          providerMessageId: results[i]!.providerMessageId ?? null,
          // A resend after a soft bounce keeps the first send's time: one message, sent once.
          sentAt: sql`coalesce(${emailMessages.sentAt}, ${sentAt.toISOString()}::timestamptz)`,
          error: null,
        })
        .where(and(eq(emailMessages.id, message.id), eq(emailMessages.status, "queued")));
    }
  });
  return { sent: messages.length, oneByOne: false };
}

async function oneByOne(db: Database, ids: string[], transport: EmailTransport) {
  await release(db, ids);
  let sent = 0;
  for (const id of ids) {
    if ((await deliverEmail(db, id, transport)).status === "sent") sent++;
  }
  return { sent, oneByOne: true };
}
