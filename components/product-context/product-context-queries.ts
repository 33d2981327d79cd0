import type { z } from "zod";
import type {
  ProductContextDto,
  ProductContextLogEntry,
  productContextChatResultSchema,
  updateProductContextInput,
} from "@/lib/product-context/product-context-schemas";
import type { Recommendations } from "@/lib/product-context/recommendation-schemas";
import { apiFetch } from "@/lib/client/api";

export type { ProductContextDto, ProductContextLogEntry, Recommendations };
export type ChatResult = z.infer<typeof productContextChatResultSchema>;
export type ProductContextUpdate = z.infer<typeof updateProductContextInput>;

/** One key family: a chat turn or an edit refreshes the context, the log and the recommendations. */
export const productContextKeys = {
  all: ["product-context"] as const,
  context: ["product-context", "context"] as const,
  log: ["product-context", "log"] as const,
  recommendations: (narrative: boolean) =>
    ["product-context", "recommendations", narrative] as const,
};

/** The chat shows the latest turns; older ones stay in the log (GET /product-context/log). */
const CHAT_TURNS = 60;

export const fetchProductContext = (signal?: AbortSignal) =>
  apiFetch<ProductContextDto>("/product-context", { signal });

export async function fetchRecentLog(signal?: AbortSignal) {
  const page = await apiFetch<{ data: ProductContextLogEntry[] }>("/product-context/log", {
    query: { sort: "-createdAt", perPage: CHAT_TURNS },
    signal,
  });
  return page.data.reverse();
}

export const sendChatMessage = (message: string) =>
  apiFetch<ChatResult>("/product-context/chat", { method: "POST", body: { message } });

export const saveProductContext = (body: ProductContextUpdate) =>
  apiFetch<ProductContextDto>("/product-context", { method: "PUT", body });

export const fetchRecommendations = (narrative: boolean, signal?: AbortSignal) =>
  apiFetch<Recommendations>("/product-context/recommendations", {
    query: { narrative: narrative ? "true" : undefined },
    signal,
  });
