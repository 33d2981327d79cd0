import { getHealth, healthSchema } from "@/lib/system/get-health";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/health — database, migrations, job engine, email and AI modes
export const GET = route(
  {
    summary: "Health check",
    tags: ["System"],
    auth: "public",
    responses: {
      200: { description: "Healthy or degraded", schema: healthSchema },
      503: { description: "The database is unreachable", schema: healthSchema },
    },
  },
  async () => {
    const health = await getHealth();
    return json(health, {
      status: health.status === "down" ? 503 : 200,
      headers: { "cache-control": "no-store" },
    });
  },
);
