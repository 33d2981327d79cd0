import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { mailboxes } from "@/db/schema";
import { newId } from "@/lib/crypto/ids";
import { createMailbox } from "@/lib/mailboxes/mailboxes";
import type { TestOrg } from "./fixtures";
import type { OperationFixture, PreparedCall } from "./operation-fixtures";

/** How to call the mailbox and email-settings routes (see OPERATION_FIXTURES). */
const mailboxBody = () => ({
  name: `Sales ${newId().slice(-6)}`,
  fromName: "Northwind Sales",
  fromAddress: `sales-${newId().slice(-12)}@example.test`,
});

async function mailboxOf(org: TestOrg): Promise<PreparedCall> {
  const mailbox = await createMailbox(org.ctx("owner"), mailboxBody());
  return { params: { id: mailbox!.id } };
}

const mailboxState = async (_org: TestOrg, call: PreparedCall) =>
  (await getDb()).select().from(mailboxes).where(eq(mailboxes.id, call.params!.id!));

export const EMAIL_FIXTURES: Record<string, OperationFixture> = {
  "POST /api/v1/mailboxes": { prepare: async () => ({ body: mailboxBody() }) },
  "GET /api/v1/mailboxes/{id}": { prepare: mailboxOf, snapshot: mailboxState },
  "PATCH /api/v1/mailboxes/{id}": {
    prepare: async (org) => ({ ...(await mailboxOf(org)), body: { dailyCap: 300 } }),
    snapshot: mailboxState,
  },
  "DELETE /api/v1/mailboxes/{id}": { prepare: mailboxOf, snapshot: mailboxState },
  "PUT /api/v1/settings/email": { prepare: async () => ({ body: { trackOpens: false } }) },
  "POST /api/v1/settings/email/test": {
    prepare: async (org) => ({
      body: { mailboxId: (await mailboxOf(org)).params!.id, to: "test@example.test" },
    }),
  },
};
