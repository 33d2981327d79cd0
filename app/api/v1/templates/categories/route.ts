import { z } from "zod";
import { route } from "@/lib/http/route";
import { listTemplateCategories } from "@/lib/templates/templates";

// GET /api/v1/templates/categories — the categories templates are filed under
export const GET = route(
  {
    summary: "List template categories",
    tags: ["Templates"],
    auth: "templates:read",
    responses: {
      200: { description: "Alphabetical", schema: z.object({ data: z.array(z.string()) }) },
    },
  },
  ({ ctx }) => listTemplateCategories(ctx),
);
