import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Validator } from "@seriousme/openapi-schema-validator";
import { listOperations } from "@/lib/http/openapi";
import { apiRoutes } from "@/lib/http/route-index.generated";
import { renderIndex } from "@/lib/cli/generate-route-index";
import { callRoute } from "@/lib/testing/http";
import { GET } from "./route";

type Doc = {
  openapi: string;
  paths: Record<
    string,
    Record<string, { responses: Record<string, unknown>; "x-leadline-permission"?: string }>
  >;
};

describe("GET /api/v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const res = await callRoute<Doc>(GET, { path: "/api/v1/openapi.json" });
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe("3.1.0");
    const result = await new Validator().validate(res.json as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("lists every route that exists, every method, and the errors each can answer", async () => {
    const res = await callRoute<Doc>(GET, { path: "/api/v1/openapi.json" });
    const documented = new Set(
      Object.entries(res.json.paths).flatMap(([p, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
      ),
    );
    const served = listOperations(apiRoutes).filter((op) => !op.handler.definition.hidden);
    expect(served.length).toBeGreaterThan(0);
    for (const op of served) expect(documented).toContain(`${op.method} ${op.path}`);
    for (const ops of Object.values(res.json.paths)) {
      for (const op of Object.values(ops)) expect(op.responses["500"]).toBeDefined();
    }
  });

  it("is built from a route index that matches the files on disk", () => {
    const onDisk = fs.readFileSync(
      path.join(process.cwd(), "lib/http/route-index.generated.ts"),
      "utf8",
    );
    expect(onDisk).toBe(renderIndex());
  });
});
