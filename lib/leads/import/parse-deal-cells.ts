/**
 * Deal cells as CRMs and spreadsheets write them: amounts with currency signs and thousands
 * separators, currency codes, and close dates in a few common formats. Each parser returns the
 * value the lead schema takes, or an error message for the row report.
 */

type Parsed<T> = { value: T } | { error: string };

// Only signs that name one currency; "$", "¥" and "kr" are shared by several, so they're dropped
// and the currency comes from a currency column or the organization's.
const CURRENCY_SIGNS: Record<string, string> = { "€": "EUR", "£": "GBP", "₹": "INR", "₩": "KRW" };
const SIGNS = /[$€£¥₹₩]/g;

/**
 * "12,500.00", "$12,500", "12500", "12.500,00 €", "EUR 1 250", "CHF 12'500.50": a final "." or ","
 * followed by one or two digits is the decimal point; other separators group thousands and must
 * come in threes, all alike ("12.500" is twelve thousand five hundred, as "12,500" is).
 */
export function parseDealAmount(raw: string): Parsed<{ amount: number; currency?: string }> {
  let s = raw.trim();
  let currency: string | undefined;
  const prefix = /^([A-Za-z]{3})\s*([\d$€£¥₹₩].*)$/.exec(s);
  const suffix = /^(.*\d)\s*([A-Za-z]{3})$/.exec(s);
  if (prefix) [currency, s] = [prefix[1]!.toUpperCase(), prefix[2]!];
  else if (suffix) [s, currency] = [suffix[1]!, suffix[2]!.toUpperCase()];
  const sign = s.match(SIGNS)?.[0];
  if (sign && CURRENCY_SIGNS[sign]) {
    if (currency && currency !== CURRENCY_SIGNS[sign])
      return { error: `"${raw}" names two currencies` };
    currency = CURRENCY_SIGNS[sign];
  }
  s = s.replace(SIGNS, "").replace(/[\s\u00a0\u202f']/g, "");
  const invalid = { error: `"${raw}" is not an amount (e.g. 12500 or 12,500.00)` };
  if (!/^\d[\d.,]*$/.test(s)) return invalid;
  const decimal = /([.,])(\d{1,2})$/.exec(s);
  const whole = decimal ? s.slice(0, decimal.index) : s;
  const grouped = /^[1-9]\d{0,2}([.,])\d{3}(?:\1\d{3})*$/.exec(whole);
  if (/[.,]/.test(whole) && (!grouped || grouped[1] === decimal?.[1])) return invalid;
  const amount = Number(`${whole.replace(/[.,]/g, "")}${decimal ? `.${decimal[2]}` : ""}`);
  return Number.isFinite(amount) ? withCurrency(amount, currency) : invalid;
}

function withCurrency(amount: number, currency: string | undefined) {
  return { value: currency ? { amount, currency } : { amount } };
}

/** "eur", " USD " → "EUR", "USD"; anything but three letters is an error. */
export function parseCurrencyCode(raw: string): Parsed<string> {
  const s = raw.trim().toUpperCase();
  const sign = CURRENCY_SIGNS[s];
  if (sign) return { value: sign };
  return /^[A-Z]{3}$/.test(s)
    ? { value: s }
    : { error: `"${raw}" is not an ISO 4217 currency code such as EUR or USD` };
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

function isoDay(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return null;
  return date.toISOString().slice(0, 10);
}

/**
 * A calendar day as YYYY-MM-DD from "2027-03-31", "2027-03-31T10:00:00Z", "2027/03/31",
 * "31.03.2027", "Mar 31, 2027", "31 March 2027", or "3/31/2027" and "31/3/2027" when only one
 * reading is a real date — "03/04/2027" could be either, so it's an error naming the ISO form.
 */
export function parseCalendarDate(raw: string): Parsed<string> {
  const s = raw.trim();
  const invalid = { error: `"${raw}" is not a date (use YYYY-MM-DD)` };
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m) return dayOr(isoDay(+m[1]!, +m[2]!, +m[3]!), invalid);
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (m) return dayOr(isoDay(+m[3]!, +m[2]!, +m[1]!), invalid);
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(s);
  if (m) {
    const monthFirst = isoDay(+m[3]!, +m[1]!, +m[2]!);
    const dayFirst = isoDay(+m[3]!, +m[2]!, +m[1]!);
    if (monthFirst && dayFirst && monthFirst !== dayFirst)
      return { error: `"${raw}" could be day/month or month/day: use YYYY-MM-DD` };
    return dayOr(monthFirst ?? dayFirst, invalid);
  }
  m = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(s);
  if (m) return dayOr(named(m[3]!, m[1]!, m[2]!), invalid);
  m = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ ,-]+(\d{4})$/.exec(s);
  if (m) return dayOr(named(m[3]!, m[2]!, m[1]!), invalid);
  return invalid;
}

// The full English name, its first three letters, or "Sept"; "Marc" or "Mayo" are not months.
function named(year: string, month: string, day: string) {
  const name = month.toLowerCase();
  const index = MONTHS.findIndex(
    (full) =>
      name === full || name === full.slice(0, 3) || (name === "sept" && full === "september"),
  );
  return index < 0 ? null : isoDay(+year, index + 1, +day);
}

function dayOr(day: string | null, invalid: { error: string }): Parsed<string> {
  return day ? { value: day } : invalid;
}
