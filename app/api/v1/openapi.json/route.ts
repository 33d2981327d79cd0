import { buildOpenApiDocument } from "@/lib/http/openapi";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { apiRoutes } from "@/lib/http/route-index.generated";

let cached: unknown;

// GET /api/v1/openapi.json — the OpenAPI 3.1 document, generated from the routes' zod schemas
export const GET = route(
  {
    summary: "OpenAPI document",
    tags: ["System"],
    auth: "public",
    responses: { 200: { description: "OpenAPI 3.1 document", contentType: "application/json" } },
  },
  () => {
    // A relative server URL: "try it out" then targets whichever host served the document.
    cached ??= buildOpenApiDocument(apiRoutes, "/");
    return json(cached, { headers: { "cache-control": "public, max-age=60" } });
  },
);
