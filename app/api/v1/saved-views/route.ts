import { z } from "zod";
import { created } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import {
  createSavedView,
  createSavedViewInput,
  listSavedViews,
  listSavedViewsQuery,
  savedViewSchema,
} from "@/lib/saved-views/saved-views";

// GET /api/v1/saved-views — the caller's saved views of one screen
export const GET = route(
  {
    summary: "List my saved views",
    tags: ["Saved views"],
    auth: "saved_views:manage",
    query: listSavedViewsQuery,
    responses: {
      200: { description: "Newest first", schema: z.object({ data: z.array(savedViewSchema) }) },
    },
  },
  ({ ctx, query }) => listSavedViews(ctx, query),
);

// POST /api/v1/saved-views — save the current filters, columns and sort under a name
export const POST = route(
  {
    summary: "Save a view",
    tags: ["Saved views"],
    auth: "saved_views:manage",
    body: createSavedViewInput,
    responses: {
      201: { description: "Created", schema: savedViewSchema },
      409: { description: "You already have a view with this name" },
    },
  },
  async ({ ctx, body }) => created(await createSavedView(ctx, body)),
);
