import { z } from "zod";
import { getDb } from "@/db/client";
import { authSessionSchema } from "@/lib/auth/schemas";
import { refreshSession } from "@/lib/auth/sessions";
import { route } from "@/lib/http/route";

const body = z.strictObject({ refreshToken: z.string().min(1).max(200) }).meta({ id: "Refresh" });

// POST /api/v1/auth/refresh — rotate a refresh token into a new token pair
export const POST = route(
  {
    summary: "Refresh tokens",
    description:
      "The presented refresh token stops working; presenting a spent one revokes its whole family.",
    tags: ["Auth"],
    auth: "public",
    body,
    responses: {
      200: { description: "A new token pair", schema: authSessionSchema },
      401: { description: "Invalid, expired, revoked or reused refresh token" },
    },
  },
  async ({ body, ctx }) => refreshSession(await getDb(), body.refreshToken, ctx),
);
