import {
  listProductContextLog,
  listProductContextLogQuery,
} from "@/lib/product-context/list-product-context-log";
import { productContextLogEntrySchema } from "@/lib/product-context/product-context-schemas";
import { listSchema } from "@/lib/http/pagination";
import { route } from "@/lib/http/route";

// GET /api/v1/product-context/log — the product-context chat, oldest first
export const GET = route(
  {
    summary: "List the product-context chat",
    description:
      "Every message of the product-context chat with the changes each assistant turn applied, oldest first (`sort=-createdAt` for newest first); page or cursor pagination.",
    tags: ["Product context"],
    auth: "product_context:read",
    query: listProductContextLogQuery,
    responses: {
      200: { description: "Chat messages", schema: listSchema(productContextLogEntrySchema) },
    },
  },
  ({ ctx, query }) => listProductContextLog(ctx, query),
);
