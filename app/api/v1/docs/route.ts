import { docsPageHtml } from "@/lib/http/api-docs";
import { route } from "@/lib/http/route";

// GET /api/v1/docs — the browsable API reference (Swagger UI from installed packages)
export const GET = route(
  {
    summary: "API reference (HTML)",
    tags: ["System"],
    auth: "public",
    responses: { 200: { description: "Swagger UI page", contentType: "text/html" } },
  },
  () =>
    new Response(docsPageHtml(), {
      headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-cache" },
    }),
);
