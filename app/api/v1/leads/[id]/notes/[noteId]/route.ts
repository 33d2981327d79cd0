import { z } from "zod";
import { deleteNote, noteInput, noteSchema, updateNote } from "@/lib/leads/notes";
import { noContent } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

const params = z.object({ id: z.uuid(), noteId: z.uuid() });

// PATCH /api/v1/leads/{id}/notes/{noteId} — edit a note (its author or an admin)
export const PATCH = route(
  {
    summary: "Edit a note",
    tags: ["Leads"],
    auth: "leads:write",
    params,
    body: noteInput,
    responses: { 200: { description: "Edited", schema: noteSchema } },
  },
  ({ ctx, params, body }) => updateNote(ctx, params.id, params.noteId, body),
);

// DELETE /api/v1/leads/{id}/notes/{noteId} — delete a note (its author or an admin)
export const DELETE = route(
  {
    summary: "Delete a note",
    tags: ["Leads"],
    auth: "leads:write",
    params,
    responses: { 204: { description: "Deleted" } },
  },
  async ({ ctx, params }) => {
    await deleteNote(ctx, params.id, params.noteId);
    return noContent();
  },
);
