import { beforeAll, describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/http/openapi";
import { apiRoutes } from "@/lib/http/route-index.generated";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { OPERATION_FIXTURES } from "@/lib/testing/operation-fixtures";

/**
 * No input, however malformed, may produce a 500 (API.md): every operation of the OpenAPI
 * document — now or added later — gets junk path parameters, junk query strings and, where it
 * takes a body, bodies that are not JSON, the wrong JSON type or unknown fields, and must answer
 * a 4xx problem+json (or, for a body it may ignore, a success) — never a server error.
 */
type Operation = { method: string; path: string; hasBody: boolean; isPublic: boolean };

const doc = buildOpenApiDocument(apiRoutes, "/") as unknown as {
  paths: Record<
    string,
    Record<string, { "x-leadline-permission"?: string; requestBody?: unknown }>
  >;
};
const operations: Operation[] = Object.entries(doc.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({
    method: method.toUpperCase(),
    path,
    hasBody: Boolean(op.requestBody),
    isPublic: !op["x-leadline-permission"],
  })),
);
const name = (op: Operation) => `${op.method} ${op.path}`;
const JUNK_ID = "not-an-id%27%3B--";

let org: TestOrg;
beforeAll(async () => {
  org = await createTestOrg("Malformed input");
});

function expectClientError(res: { status: number; headers: Headers }, label: string) {
  expect(res.status, label).toBeGreaterThanOrEqual(400);
  expect(res.status, label).toBeLessThan(500);
  expect(res.headers.get("content-type") ?? "", label).toContain("application/problem+json");
}

describe("malformed input never produces a 500", () => {
  it("found the operations", () => {
    expect(operations.length).toBeGreaterThan(100);
  });

  it.each(operations.filter((op) => op.path.includes("{")).map((op) => [name(op), op] as const))(
    "junk path parameters: %s",
    async (label, op) => {
      const path = op.path.replace(/\{\w+\}/g, JUNK_ID);
      const res = await api(op.method, path, {
        token: org.members.owner.token,
        ...(op.hasBody ? { body: {} } : {}),
      });
      expectClientError(res, label);
    },
  );

  it.each(operations.filter((op) => op.hasBody).map((op) => [name(op), op] as const))(
    "junk bodies: %s",
    async (label, op) => {
      const fixture = OPERATION_FIXTURES[label];
      const params = (await fixture?.prepare(org, { userId: org.members.owner.id }))?.params ?? {};
      if (op.path.includes("{") && !fixture) throw new Error(`${label} needs a fixture`);
      const path = op.path.replace(/\{(\w+)\}/g, (_, p: string) => params[p] ?? JUNK_ID);
      const token = org.members.owner.token;
      for (const rawBody of ["{not json", "[1,2", "\u0000"]) {
        const res = await api(op.method, path, {
          token,
          rawBody,
          headers: { "content-type": "application/json" },
        });
        expectClientError(res, `${label} with ${JSON.stringify(rawBody)}`);
      }
      for (const body of [[], "text", 42, null, { unexpected: { nested: [1, { a: null }] } }]) {
        const res = await api(op.method, path, { token, body });
        expect(res.status, `${label} with ${JSON.stringify(body)}`).toBeLessThan(500);
      }
    },
  );

  it.each(operations.filter((op) => op.method === "GET").map((op) => [name(op), op] as const))(
    "junk query strings: %s",
    async (label, op) => {
      const path = op.path.replace(/\{\w+\}/g, JUNK_ID);
      const res = await api(op.method, path, {
        token: org.members.owner.token,
        query: {
          page: "-1",
          perPage: "lots",
          sort: "-%00nope",
          cursor: "!!",
          from: "yesterday",
          status: ["a", "b"],
        },
      });
      expect(res.status, label).toBeLessThan(500);
    },
  );
});
