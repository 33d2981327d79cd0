import { and, count, eq } from "drizzle-orm";
import type { z } from "zod";
import { productContextMessages } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { paginate, pageQuerySchema } from "@/lib/http/pagination";
import { parseSort } from "@/lib/http/sort";
import type { ProductContextChanges, ProductContextLogEntry } from "./product-context-schemas";

export const listProductContextLogQuery = pageQuerySchema
  .strict()
  .meta({ id: "ProductContextLogQuery" });

const SORTABLE = {
  createdAt: { expr: productContextMessages.createdAt, type: "date" as const },
};

const columns = {
  id: productContextMessages.id,
  role: productContextMessages.role,
  content: productContextMessages.content,
  changes: productContextMessages.changes,
  questions: productContextMessages.questions,
  mode: productContextMessages.mode,
  authorId: productContextMessages.authorId,
  createdAt: productContextMessages.createdAt,
};
type Row = {
  id: string;
  role: "user" | "assistant";
  content: string;
  changes: Record<string, unknown>;
  questions: string[];
  mode: "llm" | "offline" | null;
  authorId: string | null;
  createdAt: Date;
};

/** GET /product-context/log: the product-context chat, oldest first by default (for auditing). */
export async function listProductContextLog(
  ctx: Ctx,
  query: z.infer<typeof listProductContextLogQuery>,
) {
  assertCan(ctx, "product_context:read");
  const filter = eq(productContextMessages.organizationId, ctx.orgId);
  const sort = parseSort(query.sort, SORTABLE, {
    default: "createdAt",
    tieBreaker: { field: "id", expr: productContextMessages.id, type: "string" },
  });
  const page = await paginate({
    query,
    sort,
    fetch: ({ where, orderBy, limit, offset }) =>
      ctx.db
        .select(columns)
        .from(productContextMessages)
        .where(and(filter, where))
        .orderBy(...orderBy)
        .limit(limit)
        .offset(offset) as Promise<Row[]>,
    count: async () =>
      (await ctx.db.select({ n: count() }).from(productContextMessages).where(filter))[0]!.n,
  });
  return {
    ...page,
    data: page.data.map((row): ProductContextLogEntry => ({
      id: row.id,
      role: row.role,
      content: row.content,
      changes: row.changes as ProductContextChanges,
      questions: row.questions,
      mode: row.mode,
      authorId: row.authorId,
      createdAt: row.createdAt.toISOString(),
    })),
  };
}
