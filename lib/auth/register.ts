import type { Database } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { createOrganization } from "@/lib/organizations/create-organization";
import { createUser } from "@/lib/users/create-user";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { SignedIn } from "./login";
import type { ClientMeta } from "./refresh-tokens";

export interface RegisterInput {
  email: string;
  password: string;
  name?: string;
  organizationName?: string;
}

/** A new account and a new organization it owns, in one transaction. */
export async function register(
  db: Database,
  input: RegisterInput,
  meta: ClientMeta,
): Promise<SignedIn> {
  return db.transaction(async (tx) => {
    const user = await createUser(tx, input);
    const display = input.name?.trim() || input.email.split("@")[0]!;
    const organization = await createOrganization(tx, {
      name: input.organizationName?.trim() || `${display}'s team`,
      ownerUserId: user.id,
    });
    await tx
      .update(users)
      .set({ lastOrganizationId: organization.id, lastLoginAt: new Date() })
      .where(eq(users.id, user.id));
    await recordAudit(
      tx,
      { orgId: organization.id, actor: { type: "user", id: user.id, userId: user.id }, ...meta },
      {
        action: "auth.registered",
        resourceType: "user",
        resourceId: user.id,
        changes: { email: user.email },
      },
    );
    return {
      user: {
        id: user.id,
        email: user.email,
        name: user.name,
        sessionVersion: user.sessionVersion,
      },
      organization: { id: organization.id, name: organization.name },
      role: "owner" as const,
    };
  });
}
