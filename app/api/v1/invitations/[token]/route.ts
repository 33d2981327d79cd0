import { z } from "zod";
import { getDb } from "@/db/client";
import { invitationPreviewSchema, previewInvitation } from "@/lib/users/accept-invitation";
import { route } from "@/lib/http/route";

// GET /api/v1/invitations/{token} — what an invitation link is for, before accepting it
export const GET = route(
  {
    summary: "Preview an invitation",
    tags: ["Auth"],
    auth: "public",
    params: z.object({ token: z.string().min(10).max(200) }),
    responses: { 200: { description: "The invitation", schema: invitationPreviewSchema } },
  },
  async ({ params }) => previewInvitation(await getDb(), params.token),
);
