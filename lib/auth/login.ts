import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users, type Role } from "@/db/schema";
import { recordUserActivity } from "@/lib/activity/record-user-activity";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { findUserByEmail, normalizeEmail } from "@/lib/users/create-user";
import { activeMemberships, chooseMembership } from "./memberships";
import { burnPasswordCheck, verifyPassword } from "./password";
import { assertLoginAllowed, recordLoginAttempt } from "./login-throttle";
import type { ClientMeta } from "./refresh-tokens";

export interface SignedIn {
  user: { id: string; email: string; name: string; sessionVersion: number };
  organization: { id: string; name: string };
  role: Role;
}

const wrong = () => new AppError("invalid_credentials", "Invalid email or password.");

/**
 * Check an email and password. A wrong email and a wrong password get the same answer in the same
 * time; repeated failures are throttled; both outcomes are recorded (failures in the audit log of
 * every organization the account belongs to, so its admins see attacks on their people).
 */
export async function login(
  db: Database,
  input: { email: string; password: string; organizationId?: string },
  meta: ClientMeta,
): Promise<SignedIn> {
  const email = normalizeEmail(input.email);
  const ip = meta.ip ?? "unknown";
  await assertLoginAllowed(db, email, ip);
  const user = await findUserByEmail(db, email);
  const ok = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : (await burnPasswordCheck(input.password), false);
  const orgs = user ? await activeMemberships(db, user.id) : [];
  if (!user || !ok) {
    await recordLoginAttempt(db, email, ip, false);
    for (const org of orgs) {
      await recordAudit(
        db,
        { orgId: org.orgId, actor: { type: "user", id: user!.id, userId: user!.id }, ...meta },
        {
          action: "auth.login_failed",
          resourceType: "user",
          resourceId: user!.id,
        },
      );
    }
    throw wrong();
  }
  const membership = chooseMembership(orgs, input.organizationId, user.lastOrganizationId);
  if (!membership) {
    await recordLoginAttempt(db, email, ip, false);
    throw new AppError(
      "invalid_credentials",
      input.organizationId
        ? "You are not an active member of that organization."
        : "This account has no active organization.",
    );
  }
  await recordLoginAttempt(db, email, ip, true);
  await db
    .update(users)
    .set({ lastLoginAt: new Date(), lastOrganizationId: membership.orgId })
    .where(eq(users.id, user.id));
  await recordUserActivity(db, {
    organizationId: membership.orgId,
    userId: user.id,
    kind: "login",
  });
  await recordAudit(
    db,
    { orgId: membership.orgId, actor: { type: "user", id: user.id, userId: user.id }, ...meta },
    {
      action: "auth.login",
      resourceType: "user",
      resourceId: user.id,
    },
  );
  return {
    user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion },
    organization: { id: membership.orgId, name: membership.orgName },
    role: membership.role,
  };
}
