import { describe, expect, it } from "vitest";
import { splitList } from "./extract-answers";
import type { ProductContextFields } from "./format-product-context";
import { interviewOffline } from "./interview-offline";
import { EMPTY_PRODUCT_CONTEXT } from "./read-product-context";

const empty: ProductContextFields = { ...EMPTY_PRODUCT_CONTEXT };
const fields = (over: Partial<ProductContextFields>): ProductContextFields => ({
  ...empty,
  ...over,
});

describe("splitList", () => {
  it("splits on commas, newlines, semicolons and 'and'", () => {
    expect(splitList("Software, finance and healthcare")).toEqual([
      "Software",
      "finance",
      "healthcare",
    ]);
    expect(splitList("- Saves time\n- Fewer errors; happier clients.")).toEqual([
      "Saves time",
      "Fewer errors",
      "happier clients",
    ]);
  });
});

describe("interviewOffline", () => {
  it("starts by asking about the product when nothing is known", () => {
    const result = interviewOffline({ context: empty, asked: null, message: "hello" });
    expect(result.changes).toEqual({});
    expect(result.asked).toBe("product");
    expect(result.reply).toMatch(/Nothing recorded/);
  });

  it("reads 'we sell … to …' as the description and the customers as industries", () => {
    const result = interviewOffline({
      context: empty,
      asked: "product",
      message: "We sell invoicing software to accounting firms and law firms.",
    });
    expect(result.next.description).toBe(
      "We sell invoicing software to accounting firms and law firms.",
    );
    expect(result.next.targetIndustries).toEqual(["Accounting", "Law"]);
    expect(result.reply).toMatch(/^Recorded description/);
  });

  it("takes 'X is a …' as the product name and description", () => {
    const result = interviewOffline({
      context: empty,
      asked: "product",
      message: "Acme Books is an invoicing tool for small accountancies.",
    });
    expect(result.next.productName).toBe("Acme Books");
    expect(result.next.description).toBe(
      "Acme Books is an invoicing tool for small accountancies.",
    );
  });

  it("reads a short answer to the product question as its name", () => {
    const result = interviewOffline({ context: empty, asked: "product", message: "Acme Books" });
    expect(result.next.productName).toBe("Acme Books");
    // The description is still missing: it asks for it next, by the product's name.
    expect(result.asked).toBe("product");
    expect(result.questions[0]).toContain("What does Acme Books do");
  });

  it("answers to the asked section are split into lists", () => {
    const ctx = fields({ productName: "Acme", description: "Invoicing" });
    const result = interviewOffline({
      context: ctx,
      asked: "value_propositions",
      message: "Saves ten hours a month, fewer late payments and happier clients",
    });
    expect(result.next.valuePropositions).toEqual([
      "Saves ten hours a month",
      "Fewer late payments",
      "Happier clients",
    ]);
    expect(result.changes).toEqual({ valuePropositions: result.next.valuePropositions });
  });

  it("recognises 'our customers are …' whatever was asked, and roles as personas", () => {
    const result = interviewOffline({
      context: empty,
      asked: "pricing",
      message: "Our customers are software companies, logistics firms and CFOs.",
    });
    expect(result.next.targetIndustries).toEqual(["Software", "Logistics"]);
    expect(result.next.personas).toEqual([{ title: "CFOs", pains: [] }]);
    expect(result.next.pricingNotes).toBeNull();
  });

  it("reads personas with their pains", () => {
    const result = interviewOffline({
      context: empty,
      asked: "personas",
      message:
        "Head of Finance: slow month-end close, manual invoices\nOffice managers who struggle with chasing payments",
    });
    expect(result.next.personas).toHaveLength(2);
    expect(result.next.personas).toEqual(
      expect.arrayContaining([
        { title: "Head of Finance", pains: ["slow month-end close", "manual invoices"] },
        { title: "Office managers", pains: ["chasing payments"] },
      ]),
    );
  });

  it("reads 'they object that … / we answer …'", () => {
    const result = interviewOffline({
      context: empty,
      asked: "objections",
      message:
        "They object that it is too expensive / we answer that it pays for itself in three months",
    });
    expect(result.next.objections).toEqual([
      { objection: "It is too expensive", answer: "It pays for itself in three months" },
    ]);
  });

  it("asks for the answer of an objection given without one, and records it next turn", () => {
    const first = interviewOffline({
      context: empty,
      asked: "objections",
      message: "They say they already use Excel.",
    });
    expect(first.next.objections).toEqual([{ objection: "They already use Excel", answer: null }]);
    expect(first.asked).toBe("objection_answer");
    expect(first.questions[0]).toContain("They already use Excel");
    const second = interviewOffline({
      context: first.next,
      asked: first.asked,
      message: "Excel breaks as soon as two people edit the same sheet",
    });
    expect(second.next.objections[0]!.answer).toBe(
      "Excel breaks as soon as two people edit the same sheet",
    );
  });

  it("reads competitors and pricing sentences", () => {
    const result = interviewOffline({
      context: empty,
      asked: null,
      message: "We compete with Xero and QuickBooks. It costs $49 per seat per month.",
    });
    expect(result.next.competitors).toEqual(["Xero", "QuickBooks"]);
    expect(result.next.pricingNotes).toBe("It costs $49 per seat per month");
  });

  it("moves on from a skipped question and says nothing was recorded", () => {
    const result = interviewOffline({ context: empty, asked: "product", message: "skip" });
    expect(result.changes).toEqual({});
    expect(result.asked).not.toBe("product");
    expect(result.reply).toMatch(/Skipped/);
  });

  it("adds to lists without duplicating what is known", () => {
    const ctx = fields({ competitors: ["Xero"] });
    const result = interviewOffline({ context: ctx, asked: "competitors", message: "xero, Sage" });
    expect(result.next.competitors).toEqual(["Xero", "Sage"]);
    expect(result.reply).toContain("competitors: Sage");
  });

  it("says so when every section is complete", () => {
    const ctx = fields({
      productName: "Acme",
      description: "Invoicing",
      valuePropositions: ["a", "b", "c"],
      targetIndustries: ["x", "y"],
      personas: [
        { title: "CFO", pains: ["p"] },
        { title: "COO", pains: ["q"] },
      ],
      objections: [
        { objection: "o1", answer: "a1" },
        { objection: "o2", answer: "a2" },
      ],
      pricingNotes: "$10",
      competitors: ["c1", "c2"],
    });
    const result = interviewOffline({ context: ctx, asked: null, message: "Thanks" });
    expect(result.asked).toBeNull();
    expect(result.questions).toEqual([]);
    expect(result.reply).toMatch(/Every section is filled in/);
  });
});
