import { eq } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { memberships, users, type Role } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/api-keys";
import { signAccessToken } from "@/lib/auth/access-tokens";
import { systemCtx, type Ctx } from "@/lib/context";
import { newId } from "@/lib/crypto/ids";
import { createOrganization } from "@/lib/organizations/create-organization";
import { createUser } from "@/lib/users/create-user";

export const TEST_PASSWORD = "correct horse battery";

export type HumanRole = Exclude<Role, "integration">;

export interface TestMember {
  id: string;
  email: string;
  role: HumanRole;
  token: string;
}

export interface TestOrg {
  id: string;
  name: string;
  members: Record<"owner" | "admin" | "manager" | "rep" | "rep2", TestMember>;
  /** API keys by role, created through the real domain function. */
  keys: Record<"integration" | "admin", { id: string; secret: string }>;
  ctx(role?: keyof TestOrg["members"]): Ctx;
}

const unique = () => newId().slice(-12);

export async function tokenFor(db: Database, userId: string, orgId: string) {
  const [user] = await db
    .select({ sv: users.sessionVersion })
    .from(users)
    .where(eq(users.id, userId));
  return signAccessToken({ userId, orgId, sessionVersion: user!.sv });
}

/**
 * An organization with one member of each role (two reps, both on the manager's team) and an
 * integration and an admin API key — built through the same domain functions the app uses.
 */
export async function createTestOrg(label = "Org"): Promise<TestOrg> {
  const db = await getDb();
  const tag = unique();
  const made = await db.transaction(async (tx) => {
    const owner = await createUser(tx, {
      email: `owner-${tag}@example.test`,
      name: `${label} Owner`,
      password: TEST_PASSWORD,
    });
    const org = await createOrganization(tx, { name: `${label} ${tag}`, ownerUserId: owner.id });
    const others: [keyof TestOrg["members"], HumanRole][] = [
      ["admin", "admin"],
      ["manager", "manager"],
      ["rep", "sales_rep"],
      ["rep2", "sales_rep"],
    ];
    const ids: Record<string, { id: string; email: string; role: HumanRole }> = {
      owner: { id: owner.id, email: owner.email, role: "owner" },
    };
    for (const [key, role] of others) {
      const u = await createUser(tx, {
        email: `${key}-${tag}@example.test`,
        name: `${label} ${key}`,
        password: TEST_PASSWORD,
      });
      ids[key] = { id: u.id, email: u.email, role };
    }
    for (const [key, role] of others) {
      await tx.insert(memberships).values({
        organizationId: org.id,
        userId: ids[key]!.id,
        role,
        managerId: key.startsWith("rep") ? ids.manager!.id : null,
      });
    }
    return { org, ids };
  });
  const members = {} as TestOrg["members"];
  for (const [key, m] of Object.entries(made.ids)) {
    members[key as keyof TestOrg["members"]] = {
      ...m,
      token: await tokenFor(db, m.id, made.org.id),
    };
  }
  const ctxFor = (key: keyof TestOrg["members"] = "owner"): Ctx => ({
    ...systemCtx(db, made.org.id),
    role: members[key].role,
    actor: { type: "user", id: members[key].id, userId: members[key].id },
  });
  const integration = await createApiKey(ctxFor("owner"), {
    name: "integration",
    role: "integration",
  });
  const admin = await createApiKey(ctxFor("owner"), { name: "admin key", role: "admin" });
  return {
    id: made.org.id,
    name: made.org.name,
    members,
    keys: {
      integration: { id: integration.id, secret: integration.secret },
      admin: { id: admin.id, secret: admin.secret },
    },
    ctx: ctxFor,
  };
}
