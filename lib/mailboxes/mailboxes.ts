import { and, asc, desc, eq, ne } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { mailboxes } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { isUniqueViolation } from "@/lib/db-errors";
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
    isDefault: row.isDefault,
    status: row.status,
    pausedReason: row.pausedReason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const scoped = (ctx: Ctx, id: string) =>
  and(eq(mailboxes.organizationId, ctx.orgId), eq(mailboxes.id, id));

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
        .values({ ...input, isDefault, organizationId: ctx.orgId })
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
      if (input.isDefault === false && before.isDefault) {
        throw new AppError("unprocessable", "Make another mailbox the default instead.", {
          errors: [{ path: "isDefault", message: "An organization always has a default" }],
        });
      }
      if (input.isDefault) await clearDefault(tx, ctx.orgId, id);
      const [row] = await tx
        .update(mailboxes)
        .set({
          ...input,
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
        changes: input,
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
