import { z } from "zod";
import { passwordSchema } from "@/lib/auth/password";
import { register } from "@/lib/auth/register";
import { authSessionSchema, emailInput } from "@/lib/auth/schemas";
import { startSession } from "@/lib/auth/sessions";
import { getDb } from "@/db/client";
import { created } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

const body = z
  .strictObject({
    email: emailInput,
    password: passwordSchema,
    name: z.string().trim().max(120).optional(),
    organizationName: z.string().trim().min(1).max(120).optional(),
  })
  .meta({ id: "Register" });

// POST /api/v1/auth/register — create an account and a new organization it owns
export const POST = route(
  {
    summary: "Register",
    tags: ["Auth"],
    auth: "public",
    body,
    responses: {
      201: { description: "Account and organization created", schema: authSessionSchema },
      409: { description: "An account with this email exists" },
    },
  },
  async ({ body, ctx }) => {
    const db = await getDb();
    return created(await startSession(db, await register(db, body, ctx), ctx));
  },
);
