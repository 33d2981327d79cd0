import { beforeAll, describe, expect, it } from "vitest";
import { and, count, like, type SQL } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { organizations } from "@/db/schema";
import { paginate, type PageQuery } from "./pagination";
import { parseSort, type SortableFields } from "./sort";

const fields: SortableFields = {
  name: { expr: organizations.name, type: "string" },
  createdAt: { expr: organizations.createdAt, type: "date" },
};
const tieBreaker = { field: "id", expr: organizations.id, type: "string" as const };

let db: Database;
const prefix = "pagetest-";

beforeAll(async () => {
  db = await getDb();
  // 23 rows, with repeated names and timestamps so the tie-breaker matters.
  const base = Date.UTC(2026, 0, 1);
  await db.insert(organizations).values(
    Array.from({ length: 23 }, (_, i) => ({
      name: `${prefix}${String.fromCharCode(97 + (i % 5))}`,
      slug: `${prefix}${i}`,
      createdAt: new Date(base + Math.floor(i / 3) * 1000),
    })),
  );
});

function list(query: Partial<PageQuery>) {
  const sort = parseSort(query.sort, fields, { default: "-createdAt", tieBreaker });
  const scope = like(organizations.slug, `${prefix}%`);
  return paginate({
    query: { perPage: 20, ...query },
    sort,
    fetch: ({ where, orderBy, limit, offset }) =>
      db
        .select({
          id: organizations.id,
          name: organizations.name,
          createdAt: organizations.createdAt,
        })
        .from(organizations)
        .where(and(scope, where as SQL | undefined))
        .orderBy(...orderBy)
        .limit(limit)
        .offset(offset),
    count: async () => (await db.select({ n: count() }).from(organizations).where(scope))[0]!.n,
  });
}

async function walkCursor(sort: string, perPage: number) {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 50; i++) {
    const page = await list({ sort, perPage, cursor });
    ids.push(...page.data.map((r) => r.id));
    if (!page.pagination.nextCursor) break;
    cursor = page.pagination.nextCursor;
  }
  return ids;
}

describe("pagination", () => {
  it("pages by number with totals", async () => {
    const first = await list({ page: 1, perPage: 10 });
    expect(first.data).toHaveLength(10);
    expect(first.pagination).toMatchObject({ page: 1, perPage: 10, total: 23, totalPages: 3 });
    const last = await list({ page: 3, perPage: 10 });
    expect(last.data).toHaveLength(3);
    expect(last.pagination.nextCursor).toBeNull();
  });

  it.each(["-createdAt", "name", "-name,createdAt", "name,-createdAt"])(
    "walks every row exactly once by cursor, in the same order as offsets (sort=%s)",
    async (sort) => {
      const byCursor = await walkCursor(sort, 4);
      const all = await list({ sort, perPage: 100 });
      expect(byCursor).toHaveLength(23);
      expect(new Set(byCursor).size).toBe(23);
      expect(byCursor).toEqual(all.data.map((r) => r.id));
    },
  );

  it("rejects a cursor made for another sort, a garbled cursor, and page+cursor together", async () => {
    const page = await list({ sort: "name", perPage: 5 });
    await expect(
      list({ sort: "-name", cursor: page.pagination.nextCursor! }),
    ).rejects.toMatchObject({
      code: "validation_error",
    });
    await expect(list({ cursor: "not-a-cursor" })).rejects.toMatchObject({
      code: "validation_error",
    });
    const forged = Buffer.from(
      JSON.stringify({ s: "-createdAt,-id", v: ["x'; drop table", 1] }),
    ).toString("base64url");
    await expect(list({ cursor: forged })).rejects.toMatchObject({ code: "validation_error" });
    await expect(list({ page: 2, cursor: page.pagination.nextCursor! })).rejects.toMatchObject({
      code: "validation_error",
    });
  });
});
