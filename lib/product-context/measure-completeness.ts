import type { ProductContextFields } from "./format-product-context";
import type { ProductContextSection } from "./product-context-schemas";

export interface SectionCompleteness {
  section: ProductContextSection;
  label: string;
  score: number;
  hint: string | null;
}

export const SECTION_LABELS: Record<ProductContextSection, string> = {
  product: "Product",
  value_propositions: "Value propositions",
  target_industries: "Target industries",
  personas: "Personas",
  objections: "Objections",
  pricing: "Pricing",
  competitors: "Competitors",
};

const ratio = (n: number, enough: number) => Math.min(n / enough, 1);

/**
 * How complete each section is, 0 to 1, with what is missing. "Enough" is what a good drafting
 * prompt needs (three value propositions, two personas with pains, answered objections…), so the
 * interviewer keeps asking where the context is thinnest.
 */
export function measureCompleteness(f: ProductContextFields): SectionCompleteness[] {
  const withPains = f.personas.filter((p) => p.pains.length > 0).length;
  const answered = f.objections.filter((o) => o.answer).length;
  const scores: Record<ProductContextSection, [number, string | null]> = {
    product: [
      (f.productName ? 0.4 : 0) + (f.description ? 0.6 : 0),
      !f.productName
        ? "Name the product"
        : !f.description
          ? "Describe what it does and for whom"
          : null,
    ],
    value_propositions: [
      ratio(f.valuePropositions.length, 3),
      f.valuePropositions.length < 3 ? "Add the main benefits (three or more)" : null,
    ],
    target_industries: [
      ratio(f.targetIndustries.length, 2),
      f.targetIndustries.length < 2 ? "List the industries you sell to" : null,
    ],
    personas: [
      ratio(f.personas.length, 2) * 0.5 + ratio(withPains, 2) * 0.5,
      f.personas.length < 2
        ? "Describe the people who buy (title and pains)"
        : withPains < f.personas.length
          ? "Add the pains of each persona"
          : null,
    ],
    objections: [
      ratio(f.objections.length, 2) * 0.5 + ratio(answered, 2) * 0.5,
      f.objections.length < 2
        ? "Add the objections prospects raise"
        : answered < f.objections.length
          ? "Add how you answer each objection"
          : null,
    ],
    pricing: [f.pricingNotes ? 1 : 0, f.pricingNotes ? null : "Say how the product is priced"],
    competitors: [
      ratio(f.competitors.length, 2),
      f.competitors.length < 2 ? "Name the alternatives buyers compare you with" : null,
    ],
  };
  return (Object.keys(scores) as ProductContextSection[]).map((section) => ({
    section,
    label: SECTION_LABELS[section],
    score: Math.round(scores[section][0] * 100) / 100,
    hint: scores[section][1],
  }));
}

export function overallCompleteness(sections: SectionCompleteness[]): number {
  const total = sections.reduce((sum, s) => sum + s.score, 0);
  return Math.round((total / sections.length) * 100) / 100;
}
