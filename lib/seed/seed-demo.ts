import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { memberships, organizations } from "@/db/schema";
import { createOrganization } from "@/lib/organizations/create-organization";
import { createUser, findUserByEmail } from "@/lib/users/create-user";
import { seedDemoLeads } from "./seed-demo-leads";
import { seedDemoHistory } from "./seed-demo-history";
import { seedDemoOutreach } from "./seed-demo-outreach";
import { seedDemoConversations } from "./seed-demo-conversations";
import { seedDemoAnalytics } from "./seed-demo-analytics";
import { DEMO_ORGANIZATION_NAME, DEMO_PASSWORD, DEMO_USERS } from "./demo-users";

export interface SeedResult {
  created: boolean;
  organizationId: string;
  userIds: Record<string, string>;
}

/**
 * The demo organization with a user of each role, through the same domain functions the app
 * uses. Idempotent: a second run finds the organization and changes nothing.
 */
export async function seedDemoData(db: Database): Promise<SeedResult> {
  const existingOwner = await findUserByEmail(db, DEMO_USERS[0]!.email);
  if (existingOwner) {
    const [membership] = await db
      .select({ organizationId: memberships.organizationId })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(eq(memberships.userId, existingOwner.id))
      .limit(1);
    if (membership) {
      return { created: false, organizationId: membership.organizationId, userIds: {} };
    }
  }
  return db.transaction(async (tx) => {
    const userIds: Record<string, string> = {};
    for (const demo of DEMO_USERS) {
      const user = await createUser(tx, {
        email: demo.email,
        name: demo.name,
        password: DEMO_PASSWORD,
      });
      userIds[demo.key] = user.id;
    }
    const org = await createOrganization(tx, {
      name: DEMO_ORGANIZATION_NAME,
      ownerUserId: userIds.owner!,
    });
    for (const demo of DEMO_USERS.filter((u) => u.role !== "owner")) {
      await tx.insert(memberships).values({
        organizationId: org.id,
        userId: userIds[demo.key]!,
        role: demo.role,
        managerId: demo.reportsTo ? userIds[demo.reportsTo] : null,
      });
    }
    await seedDemoLeads(tx, org.id, [userIds.rep!, userIds.rep2!, userIds.manager!]);
    await seedDemoHistory(tx, org.id, [userIds.rep!, userIds.rep2!]);
    await seedDemoOutreach(tx, org.id, userIds.rep!);
    await seedDemoConversations(tx, org.id, userIds.rep2!);
    await seedDemoAnalytics(tx, org.id, userIds);
    return { created: true, organizationId: org.id, userIds };
  });
}

/** Seed only a database nobody has used yet (no organizations at all). */
export async function seedIfEmpty(db: Database): Promise<SeedResult | null> {
  const any = await db.select({ id: organizations.id }).from(organizations).limit(1);
  if (any.length > 0) return null;
  return seedDemoData(db);
}
