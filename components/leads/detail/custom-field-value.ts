import type { CustomField } from "@/lib/client/lead-hooks";

/** A custom field as a form holds it: text for most types, a list for multiselect. */
export type CustomFormValue = string | string[];

export function toFormValue(def: CustomField, raw: unknown): CustomFormValue {
  if (def.type === "multiselect") return Array.isArray(raw) ? raw.map(String) : [];
  if (def.type === "boolean") return raw === true ? "true" : raw === false ? "false" : "";
  return raw === null || raw === undefined ? "" : String(raw);
}

/**
 * Back to what the API takes: null clears a value. Input that can't be converted (a number
 * field with letters) goes as typed, so the API's own message explains what's wrong.
 */
export function fromFormValue(def: CustomField, value: CustomFormValue): unknown {
  if (Array.isArray(value)) return value.length ? value : null;
  const v = value.trim();
  if (v === "") return null;
  if (def.type === "boolean") return v === "true";
  if (def.type === "number") return Number.isFinite(Number(v)) ? Number(v) : v;
  return v;
}
