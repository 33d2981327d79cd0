import { getDb } from "@/db/client";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { inngest } from "../client";
import { passwordResetRequested } from "../events";

/**
 * Forgot-password work happens here, not in the request: the API answers 202 at once whether or
 * not the account exists, so neither its answer nor its timing tells an attacker anything.
 */
export const sendPasswordResetFn = inngest.createFunction(
  { id: "send-password-reset", triggers: [passwordResetRequested], retries: 3 },
  async ({ event, step }) =>
    step.run("issue-link", async () => requestPasswordReset(await getDb(), event.data.email)),
);
