import { z } from "zod";
import { getDb } from "@/db/client";
import { authenticate } from "@/lib/auth/authenticate";
import { revokeRefreshToken } from "@/lib/auth/refresh-tokens";
import { signOutEverywhere } from "@/lib/auth/sign-out-everywhere";
import { AppError } from "@/lib/errors";
import { noContent } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

const body = z
  .strictObject({ refreshToken: z.string().min(1).max(200).optional() })
  .meta({ id: "Logout" });

// POST /api/v1/auth/logout — revoke a refresh token, or (authenticated, without one) every session
export const POST = route(
  {
    summary: "Log out",
    description:
      "With `refreshToken`: that token's session is revoked. Without it, the authenticated caller's " +
      "sessions everywhere end (refresh tokens, access tokens and browser sessions).",
    tags: ["Auth"],
    auth: "public",
    body,
    responses: { 204: { description: "Signed out" } },
  },
  async ({ body, req, ctx }) => {
    const db = await getDb();
    if (body?.refreshToken) {
      await revokeRefreshToken(db, body.refreshToken);
      return noContent();
    }
    const caller = await authenticate(req, "auth:me", ctx);
    if (!caller.actor.userId)
      throw new AppError("validation_error", "API keys are revoked, not logged out.");
    await signOutEverywhere(db, caller.actor.userId);
    return noContent();
  },
);
