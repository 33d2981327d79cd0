import { describe, expect, it } from "vitest";
import { parseCalendarDate, parseCurrencyCode, parseDealAmount } from "./parse-deal-cells";

describe("parseDealAmount", () => {
  it("reads grouped, signed and coded amounts", () => {
    const cases: [string, { amount: number; currency?: string }][] = [
      ["12500", { amount: 12500 }],
      ["12,500.00", { amount: 12500 }],
      ["$12,500", { amount: 12500 }],
      ["12,500", { amount: 12500 }],
      ["1,234,567.89", { amount: 1234567.89 }],
      ["12.500,50", { amount: 12500.5 }],
      ["12.500", { amount: 12500 }],
      ["12,5", { amount: 12.5 }],
      ["0.99", { amount: 0.99 }],
      ["1 250", { amount: 1250 }],
      ["CHF 12'500.50", { amount: 12500.5, currency: "CHF" }],
      ["€ 9.999,99", { amount: 9999.99, currency: "EUR" }],
      ["£1,000", { amount: 1000, currency: "GBP" }],
      ["4200 usd", { amount: 4200, currency: "USD" }],
      ["EUR1200", { amount: 1200, currency: "EUR" }],
    ];
    for (const [raw, value] of cases)
      expect({ raw, ...parseDealAmount(raw) }).toEqual({ raw, value });
  });

  it("refuses what isn't an amount", () => {
    for (const raw of [
      "abc",
      "-500",
      "12,50,0",
      "1.234,567",
      "1,234,56",
      "0.125",
      "12..5",
      "1e5",
      "USD",
      "EUR 12 GBP",
      "€12 USD",
      "$",
    ])
      expect({ raw, error: "error" in parseDealAmount(raw) }).toEqual({ raw, error: true });
    expect(parseDealAmount("€12 USD")).toEqual({ error: '"€12 USD" names two currencies' });
  });
});

describe("parseCurrencyCode", () => {
  it("takes three letters in any case and unambiguous signs", () => {
    expect(parseCurrencyCode(" eur ")).toEqual({ value: "EUR" });
    expect(parseCurrencyCode("€")).toEqual({ value: "EUR" });
    expect(parseCurrencyCode("$")).toEqual({
      error: '"$" is not an ISO 4217 currency code such as EUR or USD',
    });
    expect("error" in parseCurrencyCode("EURO")).toBe(true);
    expect("error" in parseCurrencyCode("E1R")).toBe(true);
  });
});

describe("parseCalendarDate", () => {
  it("reads ISO and common written dates", () => {
    const cases: [string, string][] = [
      ["2027-03-31", "2027-03-31"],
      ["2027-03-31T10:00:00Z", "2027-03-31"],
      ["2027-03-31 23:59:59+02:00", "2027-03-31"],
      ["2027/3/5", "2027-03-05"],
      ["31.03.2027", "2027-03-31"],
      ["3/31/2027", "2027-03-31"],
      ["31/3/2027", "2027-03-31"],
      ["4/4/2027", "2027-04-04"],
      ["Mar 31, 2027", "2027-03-31"],
      ["March 31 2027", "2027-03-31"],
      ["Sept 1, 2027", "2027-09-01"],
      ["31 March 2027", "2027-03-31"],
      ["31-Mar-2027", "2027-03-31"],
    ];
    for (const [raw, value] of cases)
      expect({ raw, ...parseCalendarDate(raw) }).toEqual({ raw, value });
  });

  it("refuses impossible and ambiguous dates, naming the ISO form", () => {
    expect(parseCalendarDate("03/04/2027")).toEqual({
      error: '"03/04/2027" could be day/month or month/day: use YYYY-MM-DD',
    });
    for (const raw of ["2027-02-30", "2027-13-01", "31.02.2027", "Marc 3, 2027", "soon", "2027"])
      expect(parseCalendarDate(raw)).toEqual({ error: `"${raw}" is not a date (use YYYY-MM-DD)` });
  });
});
