import { draftSchema, generateResponseInput } from "@/lib/ai/drafting/draft-schemas";
import { generateDraft } from "@/lib/ai/drafting/generate-draft";
import { route } from "@/lib/http/route";

// POST /api/v1/ai/generate-response — draft a first line, an outreach email or a reply for a lead
export const POST = route(
  {
    summary: "Draft a message for a lead",
    description:
      "Writes a personalised first line, a whole outreach email or a reply to the lead's latest message with the organization's model, from the product context, the lead's fields and timeline and the thread. Without a model (none configured, over budget, or it failed) the draft comes from the organization's templates and the lead's own fields (`mode: offline`, with `notes` saying why). Nothing is stored or sent.",
    tags: ["AI"],
    auth: "leads:read",
    body: generateResponseInput,
    responses: {
      200: { description: "The draft", schema: draftSchema },
      422: { description: "purpose reply, but the lead has sent no message" },
    },
  },
  ({ ctx, body }) => generateDraft(ctx, body),
);
