import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { memberColumns, toMemberDto } from "./member-dto";

/** A member of the caller's organization by user id; anyone else — here or elsewhere — is a 404. */
export async function getMemberOrThrow(ctx: Ctx, userId: string, db: Queryable = ctx.db) {
  assertCan(ctx, "users:read");
  const [row] = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, ctx.orgId), eq(memberships.userId, userId)))
    .limit(1);
  if (!row) throw notFound("User");
  return toMemberDto(row);
}
