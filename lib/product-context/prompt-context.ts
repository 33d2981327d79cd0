import type { Ctx } from "@/lib/context";
import { formatProductContext } from "./format-product-context";
import { readProductContext } from "./read-product-context";

/**
 * The organization's product context as a compact text block for LLM prompts (drafting,
 * classification), or null when the organization has not described its product yet.
 */
export async function productContextForPrompt(
  ctx: Pick<Ctx, "db" | "orgId">,
): Promise<string | null> {
  return formatProductContext(await readProductContext(ctx));
}
