import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { callRoute } from "@/lib/testing/http";
import { pageQuerySchema } from "./pagination";
import { parseSort } from "./sort";
import { route } from "./route";
import { sql } from "drizzle-orm";

const echo = route(
  {
    summary: "echo",
    tags: ["Test"],
    auth: "public",
    body: z.strictObject({ email: z.email(), count: z.number().int().optional() }),
    maxBodyBytes: 200,
    responses: { 200: { description: "ok" } },
  },
  ({ body }) => ({ received: body }),
);

const listing = route(
  {
    summary: "list",
    tags: ["Test"],
    auth: "public",
    query: pageQuerySchema.extend({ status: z.enum(["open", "closed"]).optional() }).strict(),
    responses: { 200: { description: "ok" } },
  },
  ({ query }) => {
    const terms = parseSort(
      query.sort,
      { name: { expr: sql`name`, type: "string" } },
      {
        default: "name",
        tieBreaker: { field: "id", expr: sql`id`, type: "string" },
      },
    );
    return { sort: terms.map((t) => (t.desc ? "-" : "") + t.field), perPage: query.perPage };
  },
);

const withParams = route(
  {
    summary: "params",
    tags: ["Test"],
    auth: "public",
    params: z.object({ id: z.uuid() }),
    responses: { 200: { description: "ok" } },
  },
  ({ params }) => ({ id: params.id }),
);

const broken = route(
  { summary: "boom", tags: ["Test"], auth: "public", responses: { 200: { description: "ok" } } },
  () => {
    throw new Error('relation "secret_table" does not exist at /srv/app/lib/x.ts:12');
  },
);

const conflict = route(
  { summary: "dup", tags: ["Test"], auth: "public", responses: { 200: { description: "ok" } } },
  () => {
    throw new AppError("duplicate", "A lead with this email exists.", {
      extra: { existingId: "abc" },
    });
  },
);

const protectedRoute = route(
  { summary: "p", tags: ["Test"], auth: "users:read", responses: { 200: { description: "ok" } } },
  () => ({ ok: true }),
);

describe("route wrapper", () => {
  it("parses a valid JSON body and answers with a request id", async () => {
    const res = await callRoute(echo, { body: { email: "a@b.co", count: 2 } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ received: { email: "a@b.co", count: 2 } });
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("echoes a sane incoming X-Request-Id", async () => {
    const res = await callRoute(echo, {
      body: { email: "a@b.co" },
      headers: { "x-request-id": "req-1234567890" },
    });
    expect(res.headers.get("x-request-id")).toBe("req-1234567890");
  });

  it("answers malformed JSON with 400 invalid_json problem+json", async () => {
    const res = await callRoute(echo, {
      rawBody: '{"email": "a@b.co",',
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.json).toMatchObject({
      code: "invalid_json",
      status: 400,
      type: expect.stringContaining("invalid-json"),
    });
  });

  it("answers a wrong content type with 415", async () => {
    const res = await callRoute(echo, {
      rawBody: "email=a@b.co",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(415);
    expect(res.json).toMatchObject({ code: "unsupported_media_type" });
  });

  it("answers an oversized body with 413, by declared length and by streamed length", async () => {
    const big = JSON.stringify({ email: "a@b.co", pad: "x".repeat(500) });
    const declared = await callRoute(echo, {
      rawBody: big,
      headers: { "content-type": "application/json", "content-length": String(big.length) },
    });
    expect(declared.status).toBe(413);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode("x".repeat(100)));
        controller.close();
      },
    });
    const streamed = await callRoute(echo, {
      rawBody: stream,
      headers: { "content-type": "application/json" },
    });
    expect(streamed.status).toBe(413);
    expect(streamed.json).toMatchObject({ code: "payload_too_large" });
  });

  it("reports each validation problem with its path, and unknown fields as 400", async () => {
    const res = await callRoute(echo, { body: { email: "nope", count: 1.5, organizationId: "x" } });
    expect(res.status).toBe(400);
    const paths = (res.json.errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(["count", "email", "organizationId"]);
    expect(res.json.code).toBe("validation_error");
    expect(res.json.detail).toContain("email");
  });

  it("rejects non-object JSON bodies with a validation error, not a 500", async () => {
    for (const raw of ["null", "[]", "42", '"str"']) {
      const res = await callRoute(echo, {
        rawBody: raw,
        headers: { "content-type": "application/json" },
      });
      expect(res.status).toBe(400);
    }
  });

  it("rejects an unknown sort field and an unknown filter with 400", async () => {
    const sortRes = await callRoute(listing, { query: { sort: "-password" } });
    expect(sortRes.status).toBe(400);
    expect(sortRes.json.errors[0].path).toBe("sort");
    const filterRes = await callRoute(listing, { query: { colour: "red" } });
    expect(filterRes.status).toBe(400);
    expect(filterRes.json.errors[0]).toEqual({ path: "colour", message: "Unknown field" });
  });

  it("coerces and bounds list parameters", async () => {
    const ok = await callRoute(listing, { query: { sort: "-name", perPage: "50" } });
    expect(ok.json).toEqual({ sort: ["-name", "-id"], perPage: 50 });
    const tooMany = await callRoute(listing, { query: { perPage: "101" } });
    expect(tooMany.status).toBe(400);
  });

  it("treats a malformed path id as not found", async () => {
    const res = await callRoute(withParams, { params: { id: "1 or 1=1" } });
    expect(res.status).toBe(404);
    expect(res.json.code).toBe("not_found");
  });

  it("hides internals of unexpected errors behind a generic 500 with the request id", async () => {
    const res = await callRoute(broken, { headers: { "x-request-id": "trace-abcdef12" } });
    expect(res.status).toBe(500);
    expect(res.json.code).toBe("internal_error");
    expect(res.text).not.toContain("secret_table");
    expect(res.text).not.toContain("/srv/app");
    expect(res.json.detail).toContain("trace-abcdef12");
  });

  it("adds AppError extras such as existingId to the problem body", async () => {
    const res = await callRoute(conflict);
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ code: "duplicate", existingId: "abc" });
  });

  it("requires credentials on protected routes", async () => {
    const res = await callRoute(protectedRoute);
    expect(res.status).toBe(401);
    expect(res.json.code).toBe("unauthenticated");
  });
});
