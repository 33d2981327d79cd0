import { revokeApiKey } from "@/lib/api-keys/api-keys";
import { idParams } from "@/lib/http/params";
import { noContent } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// DELETE /api/v1/api-keys/{id} — revoke a key (it stops working at once)
export const DELETE = route(
  {
    summary: "Revoke an API key",
    tags: ["API keys"],
    auth: "api_keys:write",
    params: idParams,
    responses: { 204: { description: "Revoked" } },
  },
  async ({ ctx, params }) => {
    await revokeApiKey(ctx, params.id);
    return noContent();
  },
);
