import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { memberships, organizations } from "@/db/schema";
import { organizationCreated } from "@/inngest/events";
import { recordAudit } from "@/lib/audit/record-audit";
import { enqueueEvent } from "@/lib/jobs/outbox";
import { insertDefaultLeadOptions } from "@/lib/leads/lead-options";
import { randomBytes } from "node:crypto";

export interface CreateOrganizationInput {
  name: string;
  ownerUserId: string;
}

export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return base || "org";
}

/**
 * A new organization with its first owner. Call inside a transaction: the organization, the
 * membership, the audit entry and the `organization/created` event are written together.
 */
export async function createOrganization(db: Queryable, input: CreateOrganizationInput) {
  const base = slugify(input.name);
  let slug = base;
  for (let i = 0; ; i++) {
    const taken = await db
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.slug, slug))
      .limit(1);
    if (taken.length === 0) break;
    slug = `${base}-${randomBytes(3).toString("hex")}`;
    if (i > 5) throw new Error("Could not find a free organization slug");
  }
  const [organization] = await db
    .insert(organizations)
    .values({ name: input.name.trim(), slug })
    .returning();
  const org = organization!;
  await db
    .insert(memberships)
    .values({ organizationId: org.id, userId: input.ownerUserId, role: "owner" });
  await insertDefaultLeadOptions(db, org.id);
  const ctx = {
    orgId: org.id,
    actor: { type: "user" as const, id: input.ownerUserId, userId: input.ownerUserId },
  };
  await recordAudit(db, ctx, {
    action: "organization.created",
    resourceType: "organization",
    resourceId: org.id,
    changes: { name: org.name },
  });
  await enqueueEvent(
    db,
    organizationCreated,
    { organizationId: org.id, name: org.name, ownerUserId: input.ownerUserId },
    { organizationId: org.id },
  );
  return org;
}
