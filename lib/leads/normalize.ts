import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const PHONE_CHARS = /^[+\d\s().\-/]+(?:\s*(?:x|ext\.?|#)\s*\d+)?$/i;

/**
 * E.164 when the number can be parsed (with the lead's or organization's country for national
 * formats), else the digits as written. Anything that isn't a phone number at all is null.
 */
export function normalizePhone(raw: string, country?: string | null): string | null {
  const value = raw.trim();
  const digits = value.replace(/\D/g, "");
  if (!PHONE_CHARS.test(value) || digits.length < 5 || digits.length > 20) return null;
  const region =
    country && /^[A-Za-z]{2}$/.test(country) ? (country.toUpperCase() as CountryCode) : undefined;
  const parsed = parsePhoneNumberFromString(value, region);
  if (parsed?.isPossible()) return parsed.number;
  return value.startsWith("+") ? `+${digits}` : value.replace(/\s+/g, " ");
}

/** The bare host of a website, or of an email address that isn't a free-mail one. */
export function domainOf(website?: string | null, email?: string | null): string | null {
  if (website) {
    try {
      const url = new URL(/^https?:\/\//i.test(website) ? website : `https://${website}`);
      return url.hostname.replace(/^www\./, "").toLowerCase() || null;
    } catch {
      return null;
    }
  }
  const host = email?.split("@")[1]?.toLowerCase();
  return host && !FREE_MAIL.has(host) ? host : null;
}

const FREE_MAIL = new Set([
  "gmail.com",
  "googlemail.com",
  "yahoo.com",
  "hotmail.com",
  "outlook.com",
  "live.com",
  "icloud.com",
  "me.com",
  "aol.com",
  "gmx.de",
  "gmx.net",
  "web.de",
  "proton.me",
  "protonmail.com",
  "mail.com",
  "yandex.ru",
]);

export function normalizeWebsite(raw: string): string | null {
  const value = raw.trim();
  if (!value) return null;
  try {
    const url = new URL(/^https?:\/\//i.test(value) ? value : `https://${value}`);
    if (!url.hostname.includes(".")) return null;
    return url.toString().replace(/\/$/, "");
  } catch {
    return null;
  }
}

export function displayNameOf(lead: {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  company?: string | null;
}): string {
  const name = [lead.firstName, lead.lastName]
    .filter((p) => p && p.trim())
    .join(" ")
    .trim();
  return name || lead.email || lead.company || "Unnamed lead";
}

/** Lower-cased text the trigram index searches: names, contact details, company, recent notes. */
export function searchTextOf(
  lead: {
    displayName: string;
    email?: string | null;
    phone?: string | null;
    company?: string | null;
    jobTitle?: string | null;
    domain?: string | null;
    city?: string | null;
  },
  notes: string[] = [],
): string {
  return [
    lead.displayName,
    lead.email,
    lead.company,
    lead.jobTitle,
    lead.phone,
    lead.domain,
    lead.city,
    ...notes,
  ]
    .filter(Boolean)
    .join(" ")
    .toLowerCase()
    .slice(0, 4000);
}

export function isValidTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Tags are short, trimmed, lower-case and unique. */
export function normalizeTags(tags: string[]): string[] {
  const out = new Set<string>();
  for (const tag of tags) {
    const t = tag.trim().toLowerCase().replace(/\s+/g, " ");
    if (t) out.add(t.slice(0, 50));
  }
  return [...out];
}

export function slugify(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 60);
}
