import { restoreLead } from "@/lib/leads/delete-lead";
import { leadDetailSchema } from "@/lib/leads/lead-schemas";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// POST /api/v1/leads/{id}/restore — bring a deleted lead back
export const POST = route(
  {
    summary: "Restore a deleted lead",
    tags: ["Leads"],
    auth: "leads:delete",
    params: idParams,
    responses: {
      200: { description: "Restored", schema: leadDetailSchema },
      409: { description: "Its email is taken by a live lead" },
    },
  },
  ({ ctx, params }) => restoreLead(ctx, params.id),
);
