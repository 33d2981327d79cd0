import { escapeHtml } from "@/lib/email/templates/layout";
import { canonicalVariable, type VariableValues } from "./template-variables";

/** `{{ name }}` or `{{ name | fallback }}`; names are letters, digits, `_`, `-` and dots. */
const VARIABLE_RE = /\{\{\s*([A-Za-z_][\w.-]*)\s*(?:\|([^{}]*))?\}\}/g;

export interface TemplateParts {
  subject: string;
  html: string;
  /** Null or empty: derived from the HTML. */
  text?: string | null;
}

export interface RenderedParts {
  subject: string;
  html: string;
  text: string;
}

export interface VariableUse {
  name: string;
  fallback: string | null;
  index: number;
  length: number;
}

export function findVariables(source: string): VariableUse[] {
  return [...source.matchAll(VARIABLE_RE)].map((m) => ({
    name: canonicalVariable(m[1]!),
    fallback: m[2] === undefined ? null : m[2].trim(),
    index: m.index,
    length: m[0].length,
  }));
}

/** Every distinct variable name the parts use, in order of first appearance. */
export function variablesUsed(parts: TemplateParts): string[] {
  const names = [parts.subject, parts.html, parts.text ?? ""].flatMap((p) =>
    findVariables(p).map((v) => v.name),
  );
  return [...new Set(names)];
}

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  "#39": "'",
};

function decodeEntities(value: string): string {
  return value.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (ENTITIES[lower] !== undefined) return ENTITIES[lower]!;
    const code = lower.startsWith("#x")
      ? parseInt(lower.slice(2), 16)
      : lower.startsWith("#")
        ? parseInt(lower.slice(1), 10)
        : NaN;
    // An out-of-range reference (&#99999999;) stays as written rather than throwing.
    return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * A readable plain-text version of an HTML template: block ends become line breaks, links keep
 * their target ("label (https://…)"), tags go, entities are decoded. Variables pass through
 * untouched so the text part is rendered with raw (unescaped) values.
 */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|head)\b[\s\S]*?<\/\1>/gi, "")
      .replace(
        /<a\b[^>]*?href\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*>([\s\S]*?)<\/a>/gi,
        (_, dq: string | undefined, sq: string | undefined, label: string) => {
          const href = (dq ?? sq ?? "").trim();
          const inner = label.replace(/<[^>]+>/g, "").trim();
          if (!href || href === inner) return inner || href;
          return inner ? `${inner} (${href})` : href;
        },
      )
      .replace(/<br\s*\/?>/gi, "\n")
      .replace(/<li\b[^>]*>/gi, "- ")
      .replace(/<\/(p|div|h[1-6]|li|tr|table|ul|ol|blockquote)>/gi, "\n")
      .replace(/<[^>]+>/g, "")
      .replace(/[ \t]+/g, " ")
      .replace(/ *\n */g, "\n")
      .replace(/\n{3,}/g, "\n\n"),
  ).trim();
}

function substitute(source: string, values: VariableValues, escape: boolean): string {
  return source.replace(VARIABLE_RE, (_, rawName: string, rawFallback: string | undefined) => {
    const value = values[canonicalVariable(rawName)];
    // A value is data and is escaped; a fallback is the author's own text, already in the part's
    // format (HTML in the HTML part), so it goes in as written.
    if (value) return escape ? escapeHtml(value) : value;
    return rawFallback?.trim() ?? "";
  });
}

/**
 * Fill a template's variables. Values are HTML-escaped in the HTML part and left raw in the
 * subject and text; an empty or missing value takes the fallback (`{{firstName|there}}`), else
 * renders as nothing. Pure: callers decide the values (a lead, a sender, an unsubscribe link).
 */
export function renderTemplate(parts: TemplateParts, values: VariableValues): RenderedParts {
  const textSource = parts.text?.trim() ? parts.text : htmlToText(parts.html);
  return {
    subject: substitute(parts.subject, values, false).replace(/\s+/g, " ").trim(),
    html: substitute(parts.html, values, true),
    text: substitute(textSource, values, false),
  };
}
