import { getDb } from "@/db/client";
import { authSessionSchema } from "@/lib/auth/schemas";
import { startSession } from "@/lib/auth/sessions";
import { acceptInvitation, acceptInvitationInput } from "@/lib/users/accept-invitation";
import { route } from "@/lib/http/route";

// POST /api/v1/auth/accept-invitation — join the inviting organization and sign in
export const POST = route(
  {
    summary: "Accept an invitation",
    description: "New people set a password; people with an account enter theirs.",
    tags: ["Auth"],
    auth: "public",
    body: acceptInvitationInput,
    responses: {
      200: { description: "Joined and signed in", schema: authSessionSchema },
      404: { description: "Invalid, used, revoked or expired invitation" },
    },
  },
  async ({ body, ctx }) => {
    const db = await getDb();
    return startSession(db, await acceptInvitation(db, body, ctx), ctx);
  },
);
