import { z } from "zod";
import { removeTag } from "@/lib/leads/tags";
import { noContent } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// DELETE /api/v1/leads/{id}/tags/{tag} — remove a tag
export const DELETE = route(
  {
    summary: "Remove a tag",
    tags: ["Leads"],
    auth: "leads:write",
    params: z.object({ id: z.uuid(), tag: z.string().min(1).max(100) }),
    responses: { 204: { description: "Removed (or wasn't there)" } },
  },
  async ({ ctx, params }) => {
    await removeTag(ctx, params.id, params.tag);
    return noContent();
  },
);
