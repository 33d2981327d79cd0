import { z } from "zod";
import { getDb } from "@/db/client";
import { login } from "@/lib/auth/login";
import { authSessionSchema, emailInput } from "@/lib/auth/schemas";
import { startSession } from "@/lib/auth/sessions";
import { route } from "@/lib/http/route";

const body = z
  .strictObject({
    email: emailInput,
    password: z.string().min(1).max(128),
    organizationId: z.uuid().optional().meta({ description: "Sign in to this organization" }),
  })
  .meta({ id: "Login" });

// POST /api/v1/auth/login — exchange email and password for an access and a refresh token
export const POST = route(
  {
    summary: "Log in",
    tags: ["Auth"],
    auth: "public",
    body,
    responses: {
      200: { description: "Signed in", schema: authSessionSchema },
      401: { description: "Invalid email or password (the same answer for both)" },
      429: { description: "Too many failed attempts; see Retry-After" },
    },
  },
  async ({ body, ctx }) => {
    const db = await getDb();
    return startSession(db, await login(db, body, ctx), ctx);
  },
);
