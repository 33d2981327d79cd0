import type { ProductObjection, ProductPersona } from "@/db/schema";
import type { ProductContextFields } from "./format-product-context";
import type { ProductContextChanges } from "./product-context-schemas";

/**
 * What a chat turn learned: scalars replace, list items are added. Chat answers add to the
 * context rather than replace it, so a later answer never silently drops an earlier one;
 * removing something is a direct edit (PUT).
 */
export interface ContextAdditions {
  productName?: string | null;
  description?: string | null;
  pricingNotes?: string | null;
  valuePropositions?: string[];
  targetIndustries?: string[];
  competitors?: string[];
  personas?: ProductPersona[];
  objections?: ProductObjection[];
}

const LIST_LIMIT = 30;
const key = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");
const clean = (s: string) => s.trim().replace(/\s+/g, " ").slice(0, 300);

function addItems(current: string[], added: string[] | undefined): string[] {
  const out = [...current];
  const seen = new Set(current.map(key));
  for (const raw of added ?? []) {
    const item = clean(raw);
    if (!item || seen.has(key(item)) || out.length >= LIST_LIMIT) continue;
    seen.add(key(item));
    out.push(item);
  }
  return out;
}

function addPersonas(current: ProductPersona[], added: ProductPersona[] | undefined) {
  const out = current.map((p) => ({ ...p, pains: [...p.pains] }));
  for (const persona of added ?? []) {
    const title = clean(persona.title);
    if (!title) continue;
    const existing = out.find((p) => key(p.title) === key(title));
    if (existing) existing.pains = addItems(existing.pains, persona.pains).slice(0, 20);
    else if (out.length < 20) out.push({ title, pains: addItems([], persona.pains).slice(0, 20) });
  }
  return out;
}

function addObjections(current: ProductObjection[], added: ProductObjection[] | undefined) {
  const out = current.map((o) => ({ ...o }));
  for (const item of added ?? []) {
    const objection = clean(item.objection);
    if (!objection) continue;
    const answer = item.answer?.trim().slice(0, 1_000) || null;
    const existing = out.find((o) => key(o.objection) === key(objection));
    if (existing) existing.answer = answer ?? existing.answer;
    else if (out.length < LIST_LIMIT) out.push({ objection, answer });
  }
  return out;
}

function scalar(current: string | null, added: string | null | undefined, max: number) {
  const value = added?.trim().slice(0, max);
  return value ? value : current;
}

/** The context with the additions applied, and field → new value for what actually changed. */
export function mergeAdditions(
  current: ProductContextFields,
  additions: ContextAdditions,
): { next: ProductContextFields; changes: ProductContextChanges } {
  const next: ProductContextFields = {
    productName: scalar(current.productName, additions.productName, 200),
    description: scalar(current.description, additions.description, 4_000),
    pricingNotes: scalar(current.pricingNotes, additions.pricingNotes, 2_000),
    valuePropositions: addItems(current.valuePropositions, additions.valuePropositions),
    targetIndustries: addItems(current.targetIndustries, additions.targetIndustries),
    competitors: addItems(current.competitors, additions.competitors),
    personas: addPersonas(current.personas, additions.personas),
    objections: addObjections(current.objections, additions.objections),
  };
  const changes: Record<string, unknown> = {};
  for (const field of Object.keys(next) as (keyof ProductContextFields)[]) {
    if (JSON.stringify(next[field]) !== JSON.stringify(current[field])) {
      changes[field] = next[field];
    }
  }
  return { next, changes: changes as ProductContextChanges };
}
