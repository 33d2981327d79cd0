import { findPhoneNumbersInText, type CountryCode } from "libphonenumber-js";
import { domainOf } from "@/lib/leads/normalize";
import { EXTRACTED_FIELDS, type ExtractedFields, type ExtractedValue } from "../analysis-schemas";
import {
  isSignOff,
  looksLikeAddress,
  looksLikeCompany,
  looksLikePersonName,
  looksLikeTitle,
  splitTitleAndCompany,
} from "./signature-lines";

const EMAIL = /[\p{L}\d._%+-]+@[\p{L}\d.-]+\.[\p{L}]{2,}/giu;
const URL_LIKE =
  /\b(?:https?:\/\/)?(?:www\.)?[a-z\d][a-z\d-]*(?:\.[a-z\d-]+)*\.[a-z]{2,}(?:\/[^\s<>()"']*)?/gi;
const LINKEDIN =
  /(?:https?:\/\/)?(?:[a-z]{2,3}\.)?linkedin\.com\/(?:in|pub|company)\/[^\s<>()"'?#]+/i;
const SOCIAL = /(?:linkedin|twitter|x|facebook|instagram|xing|youtube|github|tiktok)\.com$/i;
const FAX_LABEL = /\b(?:fax|telefax|télécopie)\b/i;
const MOBILE_LABEL = /\b(?:m|mob|mobile|mobil|cell|handy|portable|móvil|movil|cellulare|gsm)\b/i;
const PHONE_LABEL =
  /\b(?:t|tel|tél|phone|telefon|téléphone|teléfono|telefono|telefoon|tlf|puh|direct|office|switchboard|zentrale)\b/i;

/** Country-code top-level domains whose country tells how a national phone number is written. */
const TLD_COUNTRY: Record<string, CountryCode> = {
  de: "DE",
  at: "AT",
  ch: "CH",
  fr: "FR",
  be: "BE",
  es: "ES",
  it: "IT",
  nl: "NL",
  uk: "GB",
  ie: "IE",
  se: "SE",
  dk: "DK",
  no: "NO",
  fi: "FI",
  pl: "PL",
  pt: "PT",
  br: "BR",
  mx: "MX",
  ca: "CA",
  au: "AU",
};

const MAX_LINE = 400;

const none = (): ExtractedValue => ({ value: null, confidence: 0 });
const found = (value: string, confidence: number): ExtractedValue => ({
  value: value.trim(),
  confidence,
});

/** The signature: what follows the last sign-off, or the last lines of a longer text. */
export function signatureBlock(text: string): string[] {
  const lines = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.replace(/^>+\s?/, "").trim())
    // A signature line is short; long prose lines hold no contact block and only cost time.
    .filter((l) => l.length > 0 && l.length <= MAX_LINE);
  let start = -1;
  lines.forEach((line, i) => {
    if (isSignOff(line)) start = i;
  });
  if (start >= 0 && start < lines.length - 1) return lines.slice(start + 1);
  return lines.length > 15 ? lines.slice(-15) : lines;
}

function countryFor(emailValue: string | null, website: string | null, fallback?: string) {
  if (fallback) return fallback.toUpperCase() as CountryCode;
  const host = domainOf(website, emailValue) ?? emailValue?.split("@")[1] ?? "";
  const tld = host.split(".").pop()?.toLowerCase() ?? "";
  return TLD_COUNTRY[tld];
}

function extractPhone(lines: string[], country: CountryCode | undefined): ExtractedValue {
  type Candidate = { number: string; valid: boolean; rank: number };
  const candidates: Candidate[] = [];
  for (const line of lines) {
    if (FAX_LABEL.test(line) || /@/.test(line)) continue;
    // Labels ("Tel.:", "M:") name the number's kind; a desk line is what a first call should try.
    const rank = PHONE_LABEL.test(line) ? 0 : MOBILE_LABEL.test(line) ? 1 : 2;
    for (const match of findPhoneNumbersInText(line, country ? { defaultCountry: country } : {})) {
      candidates.push({ number: match.number.number, valid: match.number.isValid(), rank });
    }
  }
  if (candidates.length === 0 && !country) {
    // No country to read a national number by: North American formats are the commonest then.
    const guessed = extractPhone(lines, "US");
    return guessed.value ? { ...guessed, confidence: Math.min(guessed.confidence, 0.5) } : guessed;
  }
  const best = candidates.sort((a, b) => Number(b.valid) - Number(a.valid) || a.rank - b.rank)[0];
  if (!best) return none();
  return found(best.number, best.valid ? (best.rank < 2 ? 0.95 : 0.85) : 0.5);
}

function normalizeUrl(raw: string): string {
  const url = /^https?:\/\//i.test(raw) ? raw : `https://${raw}`;
  return url.replace(/[.,;:)]+$/, "");
}

/**
 * Reads contact details out of free text (typically an email signature) by rules: e-mail
 * addresses, phone numbers in E.164 (libphonenumber, the country taken from the caller, the
 * domain's country code, or a +prefix), web and LinkedIn addresses, and the name, title, company
 * and address lines recognised by their shape. Each field gets a confidence reflecting how direct
 * the evidence was (a labelled phone line beats a guess from the e-mail domain).
 */
export function extractInfoOffline(
  text: string,
  options: { defaultCountry?: string } = {},
): ExtractedFields {
  const fields = Object.fromEntries(EXTRACTED_FIELDS.map((f) => [f, none()])) as ExtractedFields;
  const lines = signatureBlock(text);
  const block = lines.join("\n");

  const emails = [...block.matchAll(EMAIL)].map((m) => m[0].replace(/\.$/, ""));
  const email = emails.find((e) => !/^(?:no-?reply|info|office|hello|contact|support)@/i.test(e));
  if (email ?? emails[0])
    fields.email = found((email ?? emails[0])!.toLowerCase(), email ? 0.95 : 0.7);

  const linkedin = block.match(LINKEDIN)?.[0];
  if (linkedin) {
    const path = linkedin.replace(/^(?:https?:\/\/)?(?:[a-z]{2,3}\.)?linkedin\.com/i, "");
    fields.linkedin = found(normalizeUrl(`https://www.linkedin.com${path}`), 0.95);
  }

  const withoutEmails = block.replace(EMAIL, " ");
  const site = [...withoutEmails.matchAll(URL_LIKE)]
    .map((m) => m[0])
    .find((u) => {
      const host = u
        .replace(/^https?:\/\//i, "")
        .split("/")[0]!
        .replace(/^www\./i, "");
      // Bare "name.surname" and abbreviations like "Tel.:" aren't addresses; a TLD must follow a dot.
      return !SOCIAL.test(host) && /\.[a-z]{2,}$/i.test(host) && !/^\d/.test(host);
    });
  if (site) {
    fields.website = found(normalizeUrl(site), /^(?:https?:\/\/|www\.)/i.test(site) ? 0.9 : 0.7);
  } else {
    const host = domainOf(null, fields.email.value);
    if (host) fields.website = found(`https://${host}`, 0.4);
  }

  const country = countryFor(fields.email.value, fields.website.value, options.defaultCountry);
  fields.phone = extractPhone(lines, country);

  for (const line of lines) {
    const content = line.replace(/^[\s*•·-]+/, "");
    if (/@|https?:|www\./i.test(content) || findPhoneNumbersInText(content).length) continue;
    const pair = splitTitleAndCompany(content);
    if (!fields.title.value && pair) {
      fields.title = found(pair.title, 0.8);
      if (!fields.company.value) fields.company = found(pair.company, 0.8);
      continue;
    }
    if (!fields.name.value && looksLikePersonName(content)) {
      fields.name = found(content, 0.75);
      continue;
    }
    if (!fields.company.value && looksLikeCompany(content)) {
      fields.company = found(content, 0.85);
      continue;
    }
    if (!fields.title.value && looksLikeTitle(content) && content.length <= 80) {
      fields.title = found(content, 0.7);
      continue;
    }
    if (!fields.address.value && looksLikeAddress(content)) {
      const next = lines[lines.indexOf(line) + 1];
      const more = next && looksLikeAddress(next) && !content.includes(next) ? `, ${next}` : "";
      fields.address = found(`${content}${more}`, more ? 0.8 : 0.65);
    }
  }

  // A name that matches the mailbox ("anna.schmidt@") is surely the sender's.
  const local = fields.email.value?.split("@")[0]?.toLowerCase() ?? "";
  const parts = local.split(/[._-]+/).filter((p) => p.length > 1);
  if (fields.name.value) {
    const lowered = fields.name.value.toLowerCase();
    if (parts.some((p) => lowered.includes(p))) fields.name.confidence = 0.9;
  } else if (parts.length >= 2 && parts.every((p) => /^[a-z]+$/.test(p))) {
    fields.name = found(parts.map((p) => p[0]!.toUpperCase() + p.slice(1)).join(" "), 0.4);
  }
  if (!fields.company.value) {
    const host = domainOf(fields.website.value, fields.email.value);
    const label = host?.split(".")[0];
    if (label) fields.company = found(label[0]!.toUpperCase() + label.slice(1), 0.3);
  }
  return fields;
}
