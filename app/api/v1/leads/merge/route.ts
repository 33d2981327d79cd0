import { leadDetailSchema } from "@/lib/leads/lead-schemas";
import { mergeLeads, mergeLeadsInput } from "@/lib/leads/merge-leads";
import { route } from "@/lib/http/route";

// POST /api/v1/leads/merge — fold duplicates into one lead, keeping their history
export const POST = route(
  {
    summary: "Merge duplicate leads",
    tags: ["Leads"],
    auth: "leads:delete",
    body: mergeLeadsInput,
    responses: { 200: { description: "The merged lead", schema: leadDetailSchema } },
  },
  ({ ctx, body }) => mergeLeads(ctx, body),
);
