import { z } from "zod";
import { AppError } from "@/lib/errors";
import { DOCS_ASSET_NAMES, readDocsAsset } from "@/lib/http/api-docs";
import { route } from "@/lib/http/route";

// GET /api/v1/docs/{asset} — the API reference's scripts and styles
export const GET = route(
  {
    summary: "API reference asset",
    tags: ["System"],
    auth: "public",
    params: z.object({ asset: z.enum(DOCS_ASSET_NAMES) }),
    responses: { 200: { description: "A static asset", contentType: "application/octet-stream" } },
  },
  async ({ params }) => {
    const asset = await readDocsAsset(params.asset);
    if (!asset) throw new AppError("not_found", "No such asset");
    return new Response(asset.body, {
      headers: { "content-type": asset.type, "cache-control": "public, max-age=86400" },
    });
  },
);
