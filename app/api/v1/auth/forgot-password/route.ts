import { z } from "zod";
import { getDb } from "@/db/client";
import { passwordResetRequested } from "@/inngest/events";
import { emailInput } from "@/lib/auth/schemas";
import { enqueueEvent } from "@/lib/jobs/outbox";
import { accepted } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

const body = z.strictObject({ email: emailInput }).meta({ id: "ForgotPassword" });
const answer = z.object({ message: z.string() });

// POST /api/v1/auth/forgot-password — email a reset link (202 whether or not the account exists)
export const POST = route(
  {
    summary: "Request a password reset",
    tags: ["Auth"],
    auth: "public",
    body,
    responses: { 202: { description: "Accepted (always)", schema: answer } },
  },
  async ({ body, ctx }) => {
    await enqueueEvent(
      await getDb(),
      passwordResetRequested,
      { email: body.email, ip: ctx.ip ?? null },
      { organizationId: null },
    );
    return accepted({
      message: "If an account exists for this email, a reset link is on its way.",
    });
  },
);
