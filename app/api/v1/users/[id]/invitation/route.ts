import { idParams } from "@/lib/http/params";
import { accepted } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { resendInvitation } from "@/lib/users/invite-member";
import { memberSchema } from "@/lib/users/member-dto";

// POST /api/v1/users/{id}/invitation — send a new invitation link
export const POST = route(
  {
    summary: "Resend an invitation",
    tags: ["Users"],
    auth: "users:write",
    params: idParams,
    responses: {
      202: {
        description: "A new link is on its way; earlier ones stop working",
        schema: memberSchema,
      },
      409: { description: "Already accepted" },
    },
  },
  async ({ ctx, params }) => accepted(await resendInvitation(ctx, params.id)),
);
