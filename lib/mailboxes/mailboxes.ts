import { and, asc, desc, eq, ne } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { mailboxes } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { isUniqueViolation } from "@/lib/db-errors";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import type { CreateMailboxInput, Mailbox, UpdateMailboxInput } from "./mailbox-schemas";

type Row = typeof mailboxes.$inferSelect;

export function toMailboxDto(row: Row): Mailbox {
  return {
    id: row.id,
    name: row.name,
    fromName: row.fromName,
    fromAddress: row.fromAddress,
    replyTo: row.replyTo,
    signatureHtml: row.signatureHtml,
    dailyCap: row.dailyCap,
    hourlyCap: row.hourlyCap,
    transport: row.transport,
    smtpHost: row.smtpHost,
    smtpPort: row.smtpPort,
    smtpSecure: row.smtpSecure,
    smtpUsername: row.smtpUsername,
    smtpPasswordSet: row.smtpPasswordEncrypted !== null,
    isDefault: row.isDefault,
    status: row.status,
    pausedReason: row.pausedReason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const scoped = (ctx: Ctx, id: string) =>
  and(eq(mailboxes.organizationId, ctx.orgId), eq(mailboxes.id, id));

/** The columns to write: the SMTP password sealed, null clearing it, absent keeping it. */
function toColumns(input: UpdateMailboxInput) {
  const { smtpPassword, ...rest } = input;
  if (smtpPassword === undefined) return rest;
  return { ...rest, smtpPasswordEncrypted: smtpPassword ? encryptSecret(smtpPassword) : null };
}

/** An SMTP mailbox needs its server and login, whether given now or already stored. */
function checkSmtp(merged: {
  transport?: string;
  smtpHost?: string | null;
  smtpPort?: number | null;
  smtpUsername?: string | null;
  smtpPasswordEncrypted?: string | null;
}) {
  if (merged.transport !== "smtp") return;
  const missing = (
    [
      ["smtpHost", merged.smtpHost],
      ["smtpPort", merged.smtpPort],
      ["smtpUsername", merged.smtpUsername],
      ["smtpPassword", merged.smtpPasswordEncrypted],
    ] as const
  ).filter(([, v]) => !v);
  if (missing.length) {
    throw new AppError("validation_error", "An SMTP mailbox needs its server and login.", {
      errors: missing.map(([path]) => ({ path, message: "Required for SMTP" })),
    });
  }
}

/** A transport the installation can't use is refused up front, not discovered at send time. */
function checkSendable(input: { transport?: string; hourlyCap?: number; dailyCap?: number }) {
  if (input.transport === "resend" && !env.RESEND_API_KEY) {
    throw new AppError("unprocessable", "Resend isn't configured on this installation.", {
      errors: [{ path: "transport", message: "Set RESEND_API_KEY to send through Resend" }],
    });
  }
  if (input.hourlyCap && input.dailyCap && input.hourlyCap > input.dailyCap) {
    throw new AppError("validation_error", "The hourly cap can't exceed the daily cap.", {
      errors: [{ path: "hourlyCap", message: "At most the daily cap" }],
    });
  }
}

function addressTaken(error: unknown, address: string | undefined): never {
  if (isUniqueViolation(error, "mailboxes_address_key")) {
    throw new AppError("conflict", `A mailbox already sends from ${address}.`, {
      errors: [{ path: "fromAddress", message: "Already used by another mailbox" }],
    });
  }
  throw error;
}

/** Exactly one default: making one the default takes it from the others first. */
async function clearDefault(db: Queryable, orgId: string, except?: string) {
  await db
    .update(mailboxes)
    .set({ isDefault: false })
    .where(
      and(
        eq(mailboxes.organizationId, orgId),
        eq(mailboxes.isDefault, true),
        except ? ne(mailboxes.id, except) : undefined,
      ),
    );
}

export async function listMailboxes(ctx: Ctx) {
  assertCan(ctx, "mailboxes:read");
  const rows = await ctx.db
    .select()
    .from(mailboxes)
    .where(eq(mailboxes.organizationId, ctx.orgId))
    .orderBy(desc(mailboxes.isDefault), asc(mailboxes.name))
    .limit(500);
  return { data: rows.map(toMailboxDto) };
}

export async function getMailboxRow(ctx: Ctx, id: string, db: Queryable = ctx.db): Promise<Row> {
  assertCan(ctx, "mailboxes:read");
  const [row] = await db.select().from(mailboxes).where(scoped(ctx, id)).limit(1);
  if (!row) throw notFound("Mailbox");
  return row;
}

export async function getMailbox(ctx: Ctx, id: string) {
  return toMailboxDto(await getMailboxRow(ctx, id));
}

export async function createMailbox(ctx: Ctx, input: CreateMailboxInput) {
  assertCan(ctx, "mailboxes:write");
  checkSendable({ dailyCap: 200, hourlyCap: 50, ...input });
  const columns = toColumns(input) as typeof input & { smtpPasswordEncrypted?: string | null };
  checkSmtp(columns);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [first] = await tx
        .select({ id: mailboxes.id })
        .from(mailboxes)
        .where(eq(mailboxes.organizationId, ctx.orgId))
        .limit(1);
      // The first mailbox is the default: campaigns always have somewhere to send from.
      const isDefault = input.isDefault ?? !first;
      if (isDefault) await clearDefault(tx, ctx.orgId);
      const [row] = await tx
        .insert(mailboxes)
        .values({ ...columns, isDefault, organizationId: ctx.orgId })
        .returning();
      await recordAudit(tx, ctx, {
        action: "mailbox.created",
        resourceType: "mailbox",
        resourceId: row!.id,
        changes: { fromAddress: row!.fromAddress, transport: row!.transport },
      });
      return toMailboxDto(row!);
    });
  } catch (error) {
    addressTaken(error, input.fromAddress);
  }
}

export async function updateMailbox(ctx: Ctx, id: string, input: UpdateMailboxInput) {
  assertCan(ctx, "mailboxes:write");
  try {
    return await ctx.db.transaction(async (tx) => {
      const before = await getMailboxRow(ctx, id, tx);
      checkSendable({ ...before, ...input });
      const columns = toColumns(input);
      checkSmtp({ ...before, ...columns });
      if (input.isDefault === false && before.isDefault) {
        throw new AppError("unprocessable", "Make another mailbox the default instead.", {
          errors: [{ path: "isDefault", message: "An organization always has a default" }],
        });
      }
      if (input.isDefault) await clearDefault(tx, ctx.orgId, id);
      const [row] = await tx
        .update(mailboxes)
        .set({
          ...columns,
          // Resuming clears why it was paused.
          ...(input.status === "active" ? { pausedReason: null } : {}),
          updatedAt: new Date(),
        })
        .where(scoped(ctx, id))
        .returning();
      await recordAudit(tx, ctx, {
        action: "mailbox.updated",
        resourceType: "mailbox",
        resourceId: id,
        // Never the password itself.
        changes: { ...input, ...(input.smtpPassword !== undefined ? { smtpPassword: "***" } : {}) },
      });
      return toMailboxDto(row!);
    });
  } catch (error) {
    addressTaken(error, input.fromAddress);
  }
}

export async function deleteMailbox(ctx: Ctx, id: string) {
  assertCan(ctx, "mailboxes:write");
  await ctx.db.transaction(async (tx) => {
    const row = await getMailboxRow(ctx, id, tx);
    await tx.delete(mailboxes).where(scoped(ctx, id));
    if (row.isDefault) {
      // The oldest remaining mailbox takes over as the default.
      const [next] = await tx
        .select({ id: mailboxes.id })
        .from(mailboxes)
        .where(eq(mailboxes.organizationId, ctx.orgId))
        .orderBy(asc(mailboxes.createdAt))
        .limit(1);
      if (next) await tx.update(mailboxes).set({ isDefault: true }).where(scoped(ctx, next.id));
    }
    await recordAudit(tx, ctx, {
      action: "mailbox.deleted",
      resourceType: "mailbox",
      resourceId: id,
      changes: { fromAddress: row.fromAddress },
    });
  });
}
