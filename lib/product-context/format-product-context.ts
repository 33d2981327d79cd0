import type { ProductObjection, ProductPersona } from "@/db/schema";

/** The structured fields of a product context, as the domain and the prompts see them. */
export interface ProductContextFields {
  productName: string | null;
  description: string | null;
  valuePropositions: string[];
  targetIndustries: string[];
  personas: ProductPersona[];
  objections: ProductObjection[];
  pricingNotes: string | null;
  competitors: string[];
}

/** Prompts stay small: the context is a hint, not the conversation's main text. */
const MAX_PROMPT_CHARS = 2000;

/**
 * A compact plain-text block of the context for LLM prompts, or null when nothing is known
 * (so callers can leave the section out instead of sending an empty heading).
 */
export function formatProductContext(fields: ProductContextFields): string | null {
  const lines: string[] = [];
  if (fields.productName) lines.push(`Product: ${fields.productName}`);
  if (fields.description) lines.push(`What it does: ${fields.description}`);
  if (fields.valuePropositions.length)
    lines.push(`Value propositions: ${fields.valuePropositions.join("; ")}`);
  if (fields.targetIndustries.length)
    lines.push(`Target industries: ${fields.targetIndustries.join(", ")}`);
  for (const p of fields.personas)
    lines.push(`Persona: ${p.title}${p.pains.length ? ` — pains: ${p.pains.join("; ")}` : ""}`);
  for (const o of fields.objections)
    lines.push(`Objection: ${o.objection}${o.answer ? ` — answer: ${o.answer}` : ""}`);
  if (fields.pricingNotes) lines.push(`Pricing: ${fields.pricingNotes}`);
  if (fields.competitors.length) lines.push(`Competitors: ${fields.competitors.join(", ")}`);
  if (!lines.length) return null;
  const text = lines.join("\n");
  return text.length > MAX_PROMPT_CHARS ? `${text.slice(0, MAX_PROMPT_CHARS - 1)}…` : text;
}
