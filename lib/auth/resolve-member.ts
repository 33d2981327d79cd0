import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { memberships, organizations, users, type Role } from "@/db/schema";
import { AppError } from "@/lib/errors";

export interface Member {
  userId: string;
  email: string;
  name: string;
  sessionVersion: number;
  orgId: string;
  orgName: string;
  role: Role;
}

/**
 * The signed-in person as of now: their token must still match their session version (password
 * change, logout everywhere) and their membership must still be active (deactivation, removal),
 * so either takes effect on the very next request.
 */
export async function resolveMember(
  db: Queryable,
  claims: { userId: string; orgId: string; sessionVersion?: number },
): Promise<Member> {
  const [row] = await db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      sessionVersion: users.sessionVersion,
      orgId: organizations.id,
      orgName: organizations.name,
      role: memberships.role,
      status: memberships.status,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.userId, claims.userId), eq(memberships.organizationId, claims.orgId)))
    .limit(1);
  const staleVersion =
    claims.sessionVersion !== undefined && row?.sessionVersion !== claims.sessionVersion;
  if (!row || row.status !== "active" || staleVersion) {
    throw new AppError("invalid_token", "Your session has ended. Sign in again.");
  }
  const { status: _status, ...member } = row;
  return member;
}
