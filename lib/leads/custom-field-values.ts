import type { FieldError } from "@/lib/errors";
import type { CustomFieldDef } from "./lead-options";

/**
 * Check custom field values against their definitions and coerce what's unambiguous (numbers and
 * booleans sent as strings, as a CSV does). Unknown keys and archived fields are refused; null
 * removes a value.
 */
export function validateCustomFields(
  defs: CustomFieldDef[],
  input: Record<string, unknown>,
  existing: Record<string, unknown> = {},
): { value: Record<string, unknown>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const value: Record<string, unknown> = { ...existing };
  for (const [key, raw] of Object.entries(input)) {
    const path = `customFields.${key}`;
    const def = defs.find((d) => d.key === key && !d.archived);
    if (!def) {
      errors.push({ path, message: "Unknown custom field" });
      continue;
    }
    if (raw === null || raw === "") {
      delete value[key];
      continue;
    }
    const coerced = coerce(def, raw);
    if (coerced.error) errors.push({ path, message: coerced.error });
    else value[key] = coerced.value;
  }
  for (const def of defs) {
    if (
      def.required &&
      !def.archived &&
      (value[def.key] === undefined || value[def.key] === null)
    ) {
      errors.push({ path: `customFields.${def.key}`, message: `${def.label} is required` });
    }
  }
  return { value, errors };
}

function coerce(def: CustomFieldDef, raw: unknown): { value?: unknown; error?: string } {
  switch (def.type) {
    case "number": {
      const n =
        typeof raw === "number"
          ? raw
          : typeof raw === "string" && raw.trim()
            ? Number(raw.replace(/,/g, ""))
            : NaN;
      return Number.isFinite(n) ? { value: n } : { error: "Must be a number" };
    }
    case "boolean": {
      if (typeof raw === "boolean") return { value: raw };
      const s = String(raw).trim().toLowerCase();
      if (["true", "yes", "1", "y"].includes(s)) return { value: true };
      if (["false", "no", "0", "n"].includes(s)) return { value: false };
      return { error: "Must be true or false" };
    }
    case "date": {
      const s = String(raw).trim();
      const d = /^\d{4}-\d{2}-\d{2}/.test(s) ? new Date(s) : new Date(NaN);
      return Number.isNaN(d.getTime())
        ? { error: "Must be a date (YYYY-MM-DD)" }
        : { value: s.slice(0, 10) };
    }
    case "select": {
      const match = def.options.find((o) => o.toLowerCase() === String(raw).trim().toLowerCase());
      return match ? { value: match } : { error: `Must be one of: ${def.options.join(", ")}` };
    }
    case "multiselect": {
      const items = Array.isArray(raw) ? raw.map(String) : String(raw).split(/[;,]/);
      const out: string[] = [];
      for (const item of items.map((i) => i.trim()).filter(Boolean)) {
        const match = def.options.find((o) => o.toLowerCase() === item.toLowerCase());
        if (!match) return { error: `"${item}" is not one of: ${def.options.join(", ")}` };
        out.push(match);
      }
      return { value: out };
    }
    case "email": {
      const s = String(raw).trim().toLowerCase();
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s)
        ? { value: s }
        : { error: "Must be an email address" };
    }
    case "url": {
      try {
        const url = new URL(String(raw).trim());
        return ["http:", "https:"].includes(url.protocol)
          ? { value: url.toString() }
          : { error: "Must be a web address" };
      } catch {
        return { error: "Must be a web address" };
      }
    }
    default: {
      const s =
        typeof raw === "string"
          ? raw
          : typeof raw === "number" || typeof raw === "boolean"
            ? String(raw)
            : null;
      if (s === null) return { error: "Must be text" };
      return s.length > 2000 ? { error: "At most 2,000 characters" } : { value: s.trim() };
    }
  }
}
