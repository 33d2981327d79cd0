import {
  deleteSavedView,
  savedViewSchema,
  updateSavedView,
  updateSavedViewInput,
} from "@/lib/saved-views/saved-views";
import { idParams } from "@/lib/http/params";
import { noContent } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// PATCH /api/v1/saved-views/{id} — rename a view or replace what it shows
export const PATCH = route(
  {
    summary: "Update a saved view",
    tags: ["Saved views"],
    auth: "saved_views:manage",
    params: idParams,
    body: updateSavedViewInput,
    responses: {
      200: { description: "Updated", schema: savedViewSchema },
      409: { description: "You already have a view with this name" },
    },
  },
  ({ ctx, params, body }) => updateSavedView(ctx, params.id, body),
);

// DELETE /api/v1/saved-views/{id} — delete a saved view
export const DELETE = route(
  {
    summary: "Delete a saved view",
    tags: ["Saved views"],
    auth: "saved_views:manage",
    params: idParams,
    responses: { 204: { description: "Deleted" } },
  },
  async ({ ctx, params }) => {
    await deleteSavedView(ctx, params.id);
    return noContent();
  },
);
