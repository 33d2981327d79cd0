import { and, count, eq, ilike, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { MEMBERSHIP_STATUSES, memberships, users } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import { roleSchema } from "@/lib/auth/schemas";
import type { Ctx } from "@/lib/context";
import { containsPattern } from "@/lib/http/query";
import { pageQuerySchema, paginate } from "@/lib/http/pagination";
import { parseSort } from "@/lib/http/sort";
import { memberColumns, toMemberDto } from "./member-dto";

export const listMembersQuery = pageQuerySchema
  .extend({
    q: z.string().trim().max(200).optional().meta({ description: "Matches name or email" }),
    role: roleSchema.optional(),
    status: z.enum(MEMBERSHIP_STATUSES).optional(),
    managerId: z.uuid().optional(),
  })
  .strict();

const SORTABLE = {
  name: { expr: users.name, type: "string" as const },
  email: { expr: users.email, type: "string" as const },
  role: { expr: memberships.role, type: "string" as const },
  joinedAt: { expr: memberships.createdAt, type: "date" as const },
};

export async function listMembers(ctx: Ctx, query: z.infer<typeof listMembersQuery>) {
  assertCan(ctx, "users:read");
  const pattern = query.q ? containsPattern(query.q) : undefined;
  const filter = and(
    eq(memberships.organizationId, ctx.orgId),
    pattern ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined,
    query.role ? eq(memberships.role, query.role) : undefined,
    query.status ? eq(memberships.status, query.status) : undefined,
    query.managerId ? eq(memberships.managerId, query.managerId) : undefined,
  );
  const sort = parseSort(query.sort, SORTABLE, {
    default: "name",
    tieBreaker: { field: "id", expr: users.id, type: "string" },
  });
  const page = await paginate({
    query,
    sort,
    fetch: ({ where, orderBy, limit, offset }) =>
      ctx.db
        .select(memberColumns)
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(filter, where as SQL | undefined))
        .orderBy(...orderBy)
        .limit(limit)
        .offset(offset),
    count: async () =>
      (
        await ctx.db
          .select({ n: count() })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(filter)
      )[0]!.n,
  });
  return { ...page, data: page.data.map(toMemberDto) };
}
