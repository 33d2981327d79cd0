import { z } from "zod";
import { addNote, listNotes, noteInput, noteSchema } from "@/lib/leads/notes";
import { idParams } from "@/lib/http/params";
import { created } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// GET /api/v1/leads/{id}/notes — the lead's notes, newest first
export const GET = route(
  {
    summary: "List notes",
    tags: ["Leads"],
    auth: "leads:read",
    params: idParams,
    responses: { 200: { description: "Notes", schema: z.object({ data: z.array(noteSchema) }) } },
  },
  ({ ctx, params }) => listNotes(ctx, params.id),
);

// POST /api/v1/leads/{id}/notes — add a note
export const POST = route(
  {
    summary: "Add a note",
    tags: ["Leads"],
    auth: "leads:write",
    params: idParams,
    body: noteInput,
    responses: { 201: { description: "Added", schema: noteSchema } },
  },
  async ({ ctx, params, body }) => created(await addNote(ctx, params.id, body)),
);
