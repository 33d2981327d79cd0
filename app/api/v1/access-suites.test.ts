import { beforeAll, describe, expect, it } from "vitest";
import { can, type Permission } from "@/lib/auth/permissions";
import { buildOpenApiDocument } from "@/lib/http/openapi";
import { apiRoutes } from "@/lib/http/route-index.generated";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { OPERATION_FIXTURES, type PreparedCall } from "@/lib/testing/operation-fixtures";
import type { Role } from "@/db/schema";

/**
 * Two suites that read the OpenAPI document, so every route that exists — now or added later —
 * is covered without anyone listing it here:
 * - cross-tenant: a resource of organization A, called with organization B's token and API key
 *   by every method, is always a 404 and changes nothing;
 * - role matrix: every protected operation × every role answers exactly as the permission table
 *   says: 2xx when the role holds the permission, 403 when it doesn't.
 */
type Operation = { method: string; path: string; permission: Permission; hasBody: boolean };

const doc = buildOpenApiDocument(apiRoutes, "/") as unknown as {
  paths: Record<
    string,
    Record<string, { "x-leadline-permission"?: Permission; requestBody?: unknown }>
  >;
};
const operations: Operation[] = Object.entries(doc.paths).flatMap(([path, ops]) =>
  Object.entries(ops)
    .filter(([, op]) => op["x-leadline-permission"])
    .map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      permission: op["x-leadline-permission"]!,
      hasBody: Boolean(op.requestBody),
    })),
);
const key = (op: Operation) => `${op.method} ${op.path}`;
const withParams = (op: Operation) => op.path.includes("{");
const tenantScoped = (op: Operation) =>
  withParams(op) && OPERATION_FIXTURES[key(op)]?.crossTenant !== false;

function fill(path: string, params: Record<string, string> = {}) {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!params[name]) throw new Error(`fixture for ${path} gave no "${name}"`);
    return params[name]!;
  });
}

async function prepare(
  op: Operation,
  org: TestOrg,
  caller: { userId: string | null },
): Promise<PreparedCall> {
  const fixture = OPERATION_FIXTURES[key(op)];
  return fixture ? fixture.prepare(org, caller) : {};
}

function callBody(call: PreparedCall) {
  return call.rawBody !== undefined
    ? { rawBody: call.rawBody, headers: call.headers }
    : { body: call.body, headers: call.headers };
}

let a: TestOrg;
let b: TestOrg;
beforeAll(async () => {
  [a, b] = [await createTestOrg("Tenant A"), await createTestOrg("Tenant B")];
});

describe("every operation has what the suites need", () => {
  it("found the protected operations in the OpenAPI document", () => {
    expect(operations.length).toBeGreaterThan(10);
  });
  it.each(operations.filter((op) => withParams(op) || op.hasBody).map((op) => [key(op)]))(
    "%s has a fixture",
    (k) => {
      expect(
        OPERATION_FIXTURES[k],
        `add "${k}" to lib/testing/operation-fixtures.ts`,
      ).toBeDefined();
    },
  );
  it.each(operations.filter(tenantScoped).map((op) => [key(op)]))(
    "%s can snapshot its resource",
    (k) => {
      expect(OPERATION_FIXTURES[k]?.snapshot, `add a snapshot for "${k}"`).toBeDefined();
    },
  );
});

describe("cross-tenant: another organization's resources are a 404, untouched", () => {
  it.each(operations.filter(tenantScoped).map((op) => [key(op), op] as const))(
    "%s",
    async (_k, op) => {
      const fixture = OPERATION_FIXTURES[key(op)]!;
      const call = await fixture.prepare(a, { userId: a.members.owner.id });
      const before = await fixture.snapshot!(a, call);
      const path = fill(op.path, call.params);
      for (const token of [b.members.owner.token, b.keys.admin.secret]) {
        const res = await api(op.method, path, { token, ...callBody(call), query: call.query });
        expect(res.status, `${op.method} ${path} as organization B`).toBe(404);
        expect(res.json.code).toBe("not_found");
      }
      expect(await fixture.snapshot!(a, call)).toEqual(before);
    },
  );
});

const ROLES: {
  role: Role;
  token: (org: TestOrg) => string;
  userId: (org: TestOrg) => string | null;
}[] = [
  { role: "owner", token: (o) => o.members.owner.token, userId: (o) => o.members.owner.id },
  { role: "admin", token: (o) => o.members.admin.token, userId: (o) => o.members.admin.id },
  { role: "manager", token: (o) => o.members.manager.token, userId: (o) => o.members.manager.id },
  { role: "sales_rep", token: (o) => o.members.rep.token, userId: (o) => o.members.rep.id },
  { role: "integration", token: (o) => o.keys.integration.secret, userId: () => null },
];

describe("role matrix: 2xx with the permission, 403 without", () => {
  const cases = operations.flatMap((op) =>
    ROLES.map((r) => [`${key(op)} as ${r.role}`, op, r] as const),
  );
  it.each(cases)("%s", async (_label, op, { role, token, userId }) => {
    const call = await prepare(op, a, { userId: userId(a) });
    const res = await api(op.method, fill(op.path, call.params), {
      token: token(a),
      ...callBody(call),
      query: call.query,
    });
    if (can(role, op.permission)) {
      expect(res.status, JSON.stringify(res.json)).toBeGreaterThanOrEqual(200);
      expect(res.status, JSON.stringify(res.json)).toBeLessThan(300);
    } else {
      expect(res.status).toBe(403);
      expect(res.json.code).toBe("forbidden");
    }
  });
});
