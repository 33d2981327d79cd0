import { getProductContext } from "@/lib/product-context/get-product-context";
import {
  productContextSchema,
  updateProductContextInput,
} from "@/lib/product-context/product-context-schemas";
import { updateProductContext } from "@/lib/product-context/update-product-context";
import { route } from "@/lib/http/route";

// GET /api/v1/product-context — the organization's product context with its completeness
export const GET = route(
  {
    summary: "Get the product context",
    description:
      "What the organization sells and to whom (product, value propositions, target industries, personas, objections, pricing, competitors), how complete each section is, the interviewer's next question, and whether the chat runs with a model or offline (`mode`).",
    tags: ["Product context"],
    auth: "product_context:read",
    responses: { 200: { description: "The product context", schema: productContextSchema } },
  },
  ({ ctx }) => getProductContext(ctx),
);

// PUT /api/v1/product-context — set fields directly (admins and managers)
export const PUT = route(
  {
    summary: "Update the product context",
    description:
      "Replaces the given fields (lists included, so this is how items are removed); fields left out stay as they are. Audited.",
    tags: ["Product context"],
    auth: "product_context:write",
    body: updateProductContextInput,
    responses: { 200: { description: "The updated context", schema: productContextSchema } },
  },
  ({ ctx, body }) => updateProductContext(ctx, body),
);
