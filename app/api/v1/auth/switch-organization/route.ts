import { z } from "zod";
import { authSessionSchema } from "@/lib/auth/schemas";
import { refreshBrowserSession } from "@/lib/auth/session-response";
import { switchOrganization } from "@/lib/auth/switch-organization";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

const body = z.strictObject({ organizationId: z.uuid() }).meta({ id: "SwitchOrganization" });

// POST /api/v1/auth/switch-organization — new credentials bound to another of the caller's organizations
export const POST = route(
  {
    summary: "Switch organization",
    tags: ["Auth"],
    auth: "profile:write",
    body,
    responses: {
      200: { description: "Signed in to the other organization", schema: authSessionSchema },
    },
  },
  async ({ ctx, body }) => {
    const session = await switchOrganization(ctx, body.organizationId);
    return refreshBrowserSession(json(session), ctx, {
      orgId: session.organization.id,
      sessionVersion: ctx.auth.member!.sessionVersion,
    });
  },
);
