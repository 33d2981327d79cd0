import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { ERROR_CODES } from "@/lib/errors";
import type { RouteHandler } from "./route";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

export interface ApiRouteModule {
  /** OpenAPI-style path, e.g. /api/v1/leads/{id}. */
  path: string;
  module: Record<string, unknown>;
}

export interface ApiOperation {
  method: (typeof HTTP_METHODS)[number];
  path: string;
  handler: RouteHandler;
}

/** Every operation the API serves, read from the route modules themselves (never hand-listed). */
export function listOperations(routes: ApiRouteModule[]): ApiOperation[] {
  const out: ApiOperation[] = [];
  for (const { path, module } of routes) {
    for (const method of HTTP_METHODS) {
      const handler = module[method] as RouteHandler | undefined;
      if (typeof handler === "function" && handler.definition) out.push({ method, path, handler });
    }
  }
  return out;
}

const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(Object.keys(ERROR_CODES) as [keyof typeof ERROR_CODES]),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details" });

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: problemSchema } },
});

export function buildOpenApiDocument(routes: ApiRouteModule[], serverUrl: string) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "An access token from /auth/login, or an organization API key (ll_live_…).",
  });
  registry.registerComponent("securitySchemes", "sessionCookie", {
    type: "apiKey",
    in: "cookie",
    name: "next-auth.session-token",
    description: "The browser session set by signing in to the app.",
  });

  for (const { method, path, handler } of listOperations(routes)) {
    const def = handler.definition;
    if (def.hidden) continue;
    const isPublic = def.auth === "public";
    const responses: Record<string, unknown> = {};
    for (const [status, spec] of Object.entries(def.responses)) {
      responses[status] = spec.schema
        ? {
            description: spec.description,
            content: { [spec.contentType ?? "application/json"]: { schema: spec.schema } },
          }
        : spec.contentType
          ? { description: spec.description, content: { [spec.contentType]: {} } }
          : { description: spec.description };
    }
    if (def.query || def.body || def.rawBody) responses["400"] ??= problem("Invalid request");
    if (!isPublic) {
      responses["401"] ??= problem("Missing, invalid or expired credentials");
      responses["403"] ??= problem("The caller's role lacks the permission");
      responses["429"] ??= problem("Rate limit exceeded");
    }
    if (def.params) responses["404"] ??= problem("Not found (or in another organization)");
    if (def.body || def.rawBody) {
      responses["413"] ??= problem("Body too large");
      responses["415"] ??= problem("Unsupported content type");
    }
    responses["500"] ??= problem("Unexpected error (logged with the request id)");

    const request: Record<string, unknown> = {};
    if (def.params) request.params = def.params;
    if (def.query) request.query = def.query;
    if (def.body) {
      request.body = { required: true, content: { "application/json": { schema: def.body } } };
    } else if (def.rawBody) {
      request.body = {
        required: true,
        description: def.rawBody.description,
        content: Object.fromEntries(
          def.rawBody.contentTypes.map((t) => [
            t,
            { schema: { type: "string", format: "binary" } },
          ]),
        ),
      };
    }
    registry.registerPath({
      method: method.toLowerCase() as "get",
      path,
      summary: def.summary,
      description: def.description,
      tags: def.tags,
      security: isPublic ? [] : [{ bearerAuth: [] }, { sessionCookie: [] }],
      request: request as never,
      responses: responses as never,
      ...(isPublic ? {} : { "x-leadline-permission": def.auth }),
    });
  }

  const generator = new OpenApiGeneratorV31(registry.definitions);
  return generator.generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Leadline API",
      version: "1.0.0",
      description:
        "The REST API of Leadline, used by the Leadline app itself and by external systems. " +
        "Errors are RFC 9457 problem+json; lists paginate by page or cursor.",
      license: { name: "AGPL-3.0-only", identifier: "AGPL-3.0-only" },
    },
    servers: [{ url: serverUrl }],
  });
}
