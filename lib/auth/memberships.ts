import { and, asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { memberships, organizations, type Role } from "@/db/schema";

export interface ActiveMembership {
  orgId: string;
  orgName: string;
  role: Role;
}

/** The organizations a user can work in right now, oldest membership first. */
export async function activeMemberships(
  db: Queryable,
  userId: string,
): Promise<ActiveMembership[]> {
  return db
    .select({ orgId: organizations.id, orgName: organizations.name, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.userId, userId), eq(memberships.status, "active")))
    .orderBy(asc(memberships.createdAt));
}

/** Where a sign-in lands: the requested organization, else the last one used, else the first. */
export function chooseMembership(
  list: ActiveMembership[],
  requested?: string,
  last?: string | null,
): ActiveMembership | undefined {
  if (requested) return list.find((m) => m.orgId === requested);
  return list.find((m) => m.orgId === last) ?? list[0];
}
