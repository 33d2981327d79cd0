import { and, asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { leadNotes, leads, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { AppError, notFound } from "@/lib/errors";
import { recordActivity } from "./activity";
import { leadSearchText } from "./build-lead-values";
import { getLeadOrThrow } from "./get-lead";
import { recentNoteBodies } from "./update-lead";
import type { Transaction } from "@/db/client";

export const noteInput = z
  .strictObject({ body: z.string().trim().min(1).max(10_000) })
  .meta({ id: "NoteInput" });

export const noteSchema = z
  .object({
    id: z.uuid(),
    leadId: z.uuid(),
    body: z.string(),
    author: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Note" });

type NoteRow = typeof leadNotes.$inferSelect & { authorName: string | null };

function toDto(n: NoteRow): z.infer<typeof noteSchema> {
  return {
    id: n.id,
    leadId: n.leadId,
    body: n.body,
    author: n.authorId ? { id: n.authorId, name: n.authorName ?? "" } : null,
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
  };
}

const columns = {
  id: leadNotes.id,
  organizationId: leadNotes.organizationId,
  leadId: leadNotes.leadId,
  body: leadNotes.body,
  authorId: leadNotes.authorId,
  createdAt: leadNotes.createdAt,
  updatedAt: leadNotes.updatedAt,
  authorName: users.name,
};

export async function listNotes(ctx: Ctx, leadId: string) {
  await getLeadOrThrow(ctx, leadId);
  const rows = await ctx.db
    .select(columns)
    .from(leadNotes)
    .leftJoin(users, eq(users.id, leadNotes.authorId))
    .where(and(eq(leadNotes.organizationId, ctx.orgId), eq(leadNotes.leadId, leadId)))
    .orderBy(desc(leadNotes.createdAt), asc(leadNotes.id));
  return { data: rows.map(toDto) };
}

/** Notes are searchable: the lead's search text is refreshed whenever they change. */
async function refreshSearchText(tx: Transaction, ctx: Ctx, leadId: string) {
  const [lead] = await tx
    .select()
    .from(leads)
    .where(and(eq(leads.organizationId, ctx.orgId), eq(leads.id, leadId)));
  const notes = await recentNoteBodies(ctx, leadId, tx);
  await tx
    .update(leads)
    .set({ searchText: leadSearchText(lead!, notes) })
    .where(and(eq(leads.organizationId, ctx.orgId), eq(leads.id, leadId)));
}

export async function addNote(ctx: Ctx, leadId: string, input: z.infer<typeof noteInput>) {
  assertCan(ctx, "leads:write");
  await getLeadOrThrow(ctx, leadId);
  const note = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(leadNotes)
      .values({ organizationId: ctx.orgId, leadId, body: input.body, authorId: ctx.actor.userId })
      .returning();
    await recordActivity(tx, ctx, leadId, "note_added", {
      noteId: row!.id,
      excerpt: input.body.slice(0, 200),
    });
    await refreshSearchText(tx, ctx, leadId);
    await recordAudit(tx, ctx, {
      action: "lead_note.created",
      resourceType: "lead_note",
      resourceId: row!.id,
    });
    return row!;
  });
  return getNote(ctx, leadId, note.id);
}

async function getNote(ctx: Ctx, leadId: string, noteId: string) {
  const [row] = await ctx.db
    .select(columns)
    .from(leadNotes)
    .leftJoin(users, eq(users.id, leadNotes.authorId))
    .where(
      and(
        eq(leadNotes.organizationId, ctx.orgId),
        eq(leadNotes.leadId, leadId),
        eq(leadNotes.id, noteId),
      ),
    );
  if (!row) throw notFound("Note");
  return toDto(row);
}

/** Only the note's author may edit it; admins, owners and integrations may edit any. */
async function editableNote(ctx: Ctx, leadId: string, noteId: string) {
  await getLeadOrThrow(ctx, leadId);
  const note = await getNote(ctx, leadId, noteId);
  const mine = note.author?.id === ctx.actor.userId;
  if (!mine && !["owner", "admin", "integration"].includes(ctx.role))
    throw new AppError("forbidden", "Only the author or an admin can change this note.");
  return note;
}

export async function updateNote(
  ctx: Ctx,
  leadId: string,
  noteId: string,
  input: z.infer<typeof noteInput>,
) {
  assertCan(ctx, "leads:write");
  const before = await editableNote(ctx, leadId, noteId);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(leadNotes)
      .set({ body: input.body })
      .where(and(eq(leadNotes.organizationId, ctx.orgId), eq(leadNotes.id, noteId)));
    await recordActivity(tx, ctx, leadId, "note_edited", {
      noteId,
      from: before.body.slice(0, 200),
      to: input.body.slice(0, 200),
    });
    await refreshSearchText(tx, ctx, leadId);
    await recordAudit(tx, ctx, {
      action: "lead_note.updated",
      resourceType: "lead_note",
      resourceId: noteId,
    });
  });
  return getNote(ctx, leadId, noteId);
}

export async function deleteNote(ctx: Ctx, leadId: string, noteId: string) {
  assertCan(ctx, "leads:write");
  const before = await editableNote(ctx, leadId, noteId);
  await ctx.db.transaction(async (tx) => {
    await tx
      .delete(leadNotes)
      .where(and(eq(leadNotes.organizationId, ctx.orgId), eq(leadNotes.id, noteId)));
    await recordActivity(tx, ctx, leadId, "note_deleted", {
      noteId,
      excerpt: before.body.slice(0, 200),
    });
    await refreshSearchText(tx, ctx, leadId);
    await recordAudit(tx, ctx, {
      action: "lead_note.deleted",
      resourceType: "lead_note",
      resourceId: noteId,
    });
  });
}
