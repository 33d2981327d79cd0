import { z } from "zod";
import { getDb } from "@/db/client";
import { passwordSchema } from "@/lib/auth/password";
import { resetPassword } from "@/lib/auth/password-reset";
import { noContent } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

const body = z
  .strictObject({ token: z.string().min(10).max(200), password: passwordSchema })
  .meta({ id: "ResetPassword" });

// POST /api/v1/auth/reset-password — set a new password with a reset link's token
export const POST = route(
  {
    summary: "Reset password",
    description: "The token works once; every session of the account ends.",
    tags: ["Auth"],
    auth: "public",
    body,
    responses: { 204: { description: "Password changed" } },
  },
  async ({ body, ctx }) => {
    await resetPassword(await getDb(), body, ctx);
    return noContent();
  },
);
