import type { ColumnMapping } from "@/db/schema";
import type { FieldError } from "@/lib/errors";
import type { BulkRow } from "../bulk-write";
import type { CreateLeadInput } from "../lead-schemas";
import { parseCalendarDate, parseCurrencyCode, parseDealAmount } from "./parse-deal-cells";

/** Members an "owner" column may name, by lower-cased email and by lower-cased name. */
export type OwnerDirectory = Map<string, string>;

const TRUE = new Set(["true", "yes", "y", "1", "x", "on", "checked", "opted out", "unsubscribed"]);
const FALSE = new Set(["false", "no", "n", "0", "", "off", "unchecked"]);

function toBoolean(raw: string): boolean | undefined {
  const v = raw.trim().toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  return undefined;
}

function toNumber(raw: string): number | undefined {
  const n = Number(raw.trim().replace(/\s/g, ""));
  return Number.isFinite(n) ? n : undefined;
}

function splitList(raw: string): string[] {
  return raw
    .split(/[;,|]/)
    .map((t) => t.trim())
    .filter(Boolean);
}

/**
 * One CSV record as the input of a lead write: cells go to the fields the mapping names, typed
 * (numbers, booleans, lists), with problems reported against the column's header. Empty cells are
 * absent, so an update never blanks a field. `importKey` identifies an email-less row across
 * re-runs of the same file.
 */
export function rowToBulkRow(
  record: string[],
  rowNumber: number,
  mapping: ColumnMapping[],
  owners: OwnerDirectory,
  importKey: string,
): BulkRow {
  const input: CreateLeadInput & Record<string, unknown> = {};
  const custom: Record<string, unknown> = {};
  const tags: string[] = [];
  const notes: string[] = [];
  const errors: FieldError[] = [];
  let fullName: string | undefined;
  let mobile: string | undefined;
  let amountCurrency: { code: string; header: string } | undefined;

  for (const col of mapping) {
    if (!col.field) continue;
    const raw = (record[col.index] ?? "").trim();
    if (!raw) continue;
    const fail = (message: string) => errors.push({ path: col.header, message });
    if (col.field.startsWith("custom.")) {
      custom[col.field.slice("custom.".length)] = raw;
      continue;
    }
    switch (col.field) {
      case "fullName":
        fullName = raw;
        break;
      case "mobilePhone":
        mobile = raw;
        break;
      case "owner": {
        const id = owners.get(raw.toLowerCase());
        if (id) input.ownerId = id;
        else fail(`No member of this organization has the email or name "${raw}"`);
        break;
      }
      case "score":
      case "latitude":
      case "longitude": {
        const n = toNumber(raw);
        if (n === undefined) fail(`"${raw}" is not a number`);
        else input[col.field] = col.field === "score" ? Math.round(n) : n;
        break;
      }
      case "doNotContact":
      case "unsubscribed": {
        const b = toBoolean(raw);
        if (b === undefined) fail(`"${raw}" is not yes/no`);
        else input[col.field] = b;
        break;
      }
      case "dealValue": {
        const parsed = parseDealAmount(raw);
        if ("error" in parsed) fail(parsed.error);
        else {
          input.dealValue = parsed.value.amount;
          if (parsed.value.currency)
            amountCurrency = { code: parsed.value.currency, header: col.header };
        }
        break;
      }
      case "dealCurrency":
      case "expectedCloseDate": {
        const parsed = (col.field === "dealCurrency" ? parseCurrencyCode : parseCalendarDate)(raw);
        if ("error" in parsed) fail(parsed.error);
        else input[col.field] = parsed.value;
        break;
      }
      case "tags":
        tags.push(...splitList(raw));
        break;
      // Temperature follows from the score here; the source CRM's rating is kept as a tag.
      case "temperature":
        tags.push(raw.toLowerCase());
        break;
      case "notes":
        notes.push(raw);
        break;
      case "linkedinUrl":
        notes.push(`LinkedIn: ${raw}`);
        break;
      default:
        input[col.field] = raw;
    }
  }

  if (fullName && !input.firstName && !input.lastName) {
    const [first, ...rest] = fullName.split(/\s+/);
    input.firstName = first;
    if (rest.length) input.lastName = rest.join(" ");
  }
  if (mobile && !input.phone) input.phone = mobile;
  // "€12,500" names its currency; a currency column saying otherwise is a mistake in the file.
  if (amountCurrency) {
    if (!input.dealCurrency) input.dealCurrency = amountCurrency.code;
    else if (input.dealCurrency !== amountCurrency.code)
      errors.push({
        path: amountCurrency.header,
        message: `The amount is in ${amountCurrency.code} but the currency column says ${input.dealCurrency}`,
      });
  }
  if (tags.length) input.tags = [...new Set(tags)].slice(0, 50);
  if (Object.keys(custom).length) input.customFields = custom;
  return {
    index: rowNumber,
    input,
    note: notes.length ? notes.join("\n\n") : null,
    importKey,
    errors,
  };
}

/** Field-level errors name lead fields; the import report names the CSV column instead. */
export function columnForPath(mapping: ColumnMapping[], path: string): string | null {
  const field = path.startsWith("customFields.") ? `custom.${path.split(".")[1]}` : path;
  const direct = mapping.find((c) => c.field === field || c.header === path);
  if (direct) return direct.header;
  if (path === "firstName" || path === "lastName") {
    return mapping.find((c) => c.field === "fullName")?.header ?? null;
  }
  if (path === "phone") return mapping.find((c) => c.field === "mobilePhone")?.header ?? null;
  return null;
}
