import { apiKeySchema, createdApiKeySchema } from "@/lib/api-keys/api-key-dto";
import {
  createApiKey,
  createApiKeyInput,
  listApiKeys,
  listApiKeysQuery,
} from "@/lib/api-keys/api-keys";
import { listSchema } from "@/lib/http/pagination";
import { created, listResponse } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// GET /api/v1/api-keys — the organization's API keys (never their secrets)
export const GET = route(
  {
    summary: "List API keys",
    tags: ["API keys"],
    auth: "api_keys:read",
    query: listApiKeysQuery,
    responses: { 200: { description: "API keys", schema: listSchema(apiKeySchema) } },
  },
  async ({ ctx, query }) => listResponse(await listApiKeys(ctx, query)),
);

// POST /api/v1/api-keys — create a key; its secret is in this response only
export const POST = route(
  {
    summary: "Create an API key",
    tags: ["API keys"],
    auth: "api_keys:write",
    body: createApiKeyInput,
    responses: {
      201: { description: "Created; copy the secret now", schema: createdApiKeySchema },
    },
  },
  async ({ ctx, body }) => {
    const key = await createApiKey(ctx, body);
    return created(key, `/api/v1/api-keys/${key.id}`);
  },
);
