import { getMe, meSchema, updateMe, updateMeInput } from "@/lib/auth/me";
import { refreshBrowserSession } from "@/lib/auth/session-response";
import { tokenPairSchema } from "@/lib/auth/token-pair";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// GET /api/v1/auth/me — the caller, their organization and role
export const GET = route(
  {
    summary: "Who am I",
    tags: ["Auth"],
    auth: "auth:me",
    responses: { 200: { description: "The caller", schema: meSchema } },
  },
  ({ ctx }) => getMe(ctx),
);

// PATCH /api/v1/auth/me — change one's name or password
export const PATCH = route(
  {
    summary: "Update my profile",
    description:
      "A new password (with `currentPassword`) ends every other session and returns fresh tokens.",
    tags: ["Auth"],
    auth: "profile:write",
    body: updateMeInput,
    responses: {
      200: { description: "Updated", schema: meSchema.extend(tokenPairSchema.partial().shape) },
    },
  },
  async ({ ctx, body }) => {
    const { me, tokens, sessionVersion } = await updateMe(ctx, body);
    const response = json({ ...me, ...tokens });
    return sessionVersion === undefined
      ? response
      : refreshBrowserSession(response, ctx, { orgId: ctx.orgId, sessionVersion });
  },
);
