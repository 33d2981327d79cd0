import { chatProductContext } from "@/lib/product-context/chat-product-context";
import {
  productContextChatInput,
  productContextChatResultSchema,
} from "@/lib/product-context/product-context-schemas";
import { route } from "@/lib/http/route";

// POST /api/v1/product-context/chat — one turn of the product interview
export const POST = route(
  {
    summary: "Describe the product in a chat",
    description:
      "The assistant records what the message says about the product into the structured context and asks clarifying questions about the thinnest sections. With a model it reads the message in context; offline (`mode: offline`) a rule-based interviewer reads answers to its last question and statements like “we sell …”, “our customers are …”, “they object that … / we answer …”. Both turns are kept in the log.",
    tags: ["Product context"],
    auth: "product_context:write",
    body: productContextChatInput,
    responses: {
      200: { description: "The reply and what changed", schema: productContextChatResultSchema },
    },
  },
  ({ ctx, body }) => chatProductContext(ctx, body),
);
