import { findVariables, type TemplateParts } from "./render-template";
import { KNOWN_VARIABLES, UNSUBSCRIBE_VARIABLE } from "./template-variables";

export type FindingPart = "subject" | "html" | "text";

export interface TemplateFinding {
  level: "error" | "warning";
  code:
    | "empty_subject"
    | "subject_too_long"
    | "empty_body"
    | "unknown_variable"
    | "unbalanced_braces"
    | "missing_unsubscribe"
    | "broken_link";
  message: string;
  part: FindingPart;
}

/** Mail clients cut subjects around here; longer ones still send, so it's only a warning. */
export const SUBJECT_SOFT_LIMIT = 120;

const HREF_RE = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

function linkProblem(href: string): string | null {
  const trimmed = href.trim();
  if (!trimmed) return "A link has an empty address.";
  // A link that is a variable (e.g. {{unsubscribeUrl}}) is filled in at send time.
  if (/^\{\{[^{}]+\}\}/.test(trimmed)) return null;
  if (/^mailto:\S+@\S+/i.test(trimmed)) return null;
  if (/^https?:\/\//i.test(trimmed)) {
    try {
      const url = new URL(trimmed.replace(/\{\{[^{}]*\}\}/g, "x"));
      return url.hostname.includes(".") || url.hostname === "localhost"
        ? null
        : `"${trimmed}" has no valid host.`;
    } catch {
      return `"${trimmed}" is not a valid web address.`;
    }
  }
  return `"${trimmed}" is not an http(s) or mailto link; recipients can't open it.`;
}

/** Braces left over once every well-formed `{{variable}}` is taken out. */
function hasStrayBraces(source: string): boolean {
  let rest = source;
  for (const v of findVariables(source).reverse()) {
    rest = rest.slice(0, v.index) + rest.slice(v.index + v.length);
  }
  return rest.includes("{{") || rest.includes("}}");
}

/**
 * What's wrong with a template before anyone receives it: errors would send a broken email,
 * warnings are worth a look. `customFieldKeys` are the organization's custom field keys, so
 * `{{custom.<key>}}` is only known when that field exists.
 */
export function validateTemplate(
  parts: TemplateParts,
  customFieldKeys: readonly string[] = [],
): TemplateFinding[] {
  const findings: TemplateFinding[] = [];
  const add = (f: TemplateFinding) => findings.push(f);
  const sources: [FindingPart, string][] = [
    ["subject", parts.subject],
    ["html", parts.html],
    ["text", parts.text ?? ""],
  ];

  const subject = parts.subject.trim();
  if (!subject) {
    add({
      level: "error",
      code: "empty_subject",
      message: "The subject is empty.",
      part: "subject",
    });
  } else if (subject.length > SUBJECT_SOFT_LIMIT) {
    add({
      level: "warning",
      code: "subject_too_long",
      message: `The subject is ${subject.length} characters; inboxes cut it after about ${SUBJECT_SOFT_LIMIT}.`,
      part: "subject",
    });
  }
  if (!parts.html.replace(/<[^>]*>/g, "").trim()) {
    add({ level: "error", code: "empty_body", message: "The HTML body is empty.", part: "html" });
  }

  const known = new Set([...KNOWN_VARIABLES, ...customFieldKeys.map((k) => `custom.${k}`)]);
  for (const [part, source] of sources) {
    const reported = new Set<string>();
    for (const v of findVariables(source)) {
      if (known.has(v.name) || reported.has(v.name)) continue;
      reported.add(v.name);
      add({
        level: "error",
        code: "unknown_variable",
        message: v.name.startsWith("custom.")
          ? `{{${v.name}}}: there is no custom field with the key "${v.name.slice(7)}".`
          : `{{${v.name}}} is not a variable Leadline knows.`,
        part,
      });
    }
    if (hasStrayBraces(source)) {
      add({
        level: "error",
        code: "unbalanced_braces",
        message: "There are unmatched or malformed {{ }} braces; they would be sent as typed.",
        part,
      });
    }
  }

  for (const m of parts.html.matchAll(HREF_RE)) {
    const problem = linkProblem(m[1] ?? m[2] ?? m[3] ?? "");
    if (problem) add({ level: "error", code: "broken_link", message: problem, part: "html" });
  }

  const mentionsUnsubscribe = [parts.html, parts.text ?? ""].some((s) =>
    findVariables(s).some((v) => v.name === UNSUBSCRIBE_VARIABLE),
  );
  if (!mentionsUnsubscribe) {
    add({
      level: "warning",
      code: "missing_unsubscribe",
      message: "There is no {{unsubscribeUrl}} link; campaign emails must let people opt out.",
      part: "html",
    });
  }
  return findings;
}
