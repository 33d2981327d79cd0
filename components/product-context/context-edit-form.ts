import type { ProductContextDto, ProductContextUpdate } from "./product-context-queries";

/** The editable fields as text: lists one item per line, personas "Title: pain, pain", objections "objection / answer". */
export interface ContextDraft {
  productName: string;
  description: string;
  valuePropositions: string;
  targetIndustries: string;
  personas: string;
  objections: string;
  pricingNotes: string;
  competitors: string;
}

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

export function toDraft(c: ProductContextDto): ContextDraft {
  return {
    productName: c.productName ?? "",
    description: c.description ?? "",
    valuePropositions: c.valuePropositions.join("\n"),
    targetIndustries: c.targetIndustries.join("\n"),
    personas: c.personas
      .map((p) => (p.pains.length ? `${p.title}: ${p.pains.join(", ")}` : p.title))
      .join("\n"),
    objections: c.objections
      .map((o) => (o.answer ? `${o.objection} / ${o.answer}` : o.objection))
      .join("\n"),
    pricingNotes: c.pricingNotes ?? "",
    competitors: c.competitors.join("\n"),
  };
}

export function fromDraft(d: ContextDraft): ProductContextUpdate {
  return {
    productName: d.productName.trim() || null,
    description: d.description.trim() || null,
    valuePropositions: lines(d.valuePropositions),
    targetIndustries: lines(d.targetIndustries),
    personas: lines(d.personas).map((line) => {
      const at = line.indexOf(":");
      if (at < 0) return { title: line, pains: [] };
      return {
        title: line.slice(0, at).trim() || line,
        pains: line
          .slice(at + 1)
          .split(",")
          .map((p) => p.trim())
          .filter(Boolean),
      };
    }),
    objections: lines(d.objections).map((line) => {
      const at = line.indexOf(" / ");
      return at < 0
        ? { objection: line, answer: null }
        : {
            objection: line.slice(0, at).trim() || line,
            answer: line.slice(at + 3).trim() || null,
          };
    }),
    pricingNotes: d.pricingNotes.trim() || null,
    competitors: lines(d.competitors),
  };
}
