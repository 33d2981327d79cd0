import type { AutoReplyInfo } from "./types";

/**
 * RFC 3834 and the vendor headers that mark a message as machine-sent. `Precedence: list` is
 * included because mailing-list traffic is never a lead's personal reply either.
 */
export function hasAutoReplyHeaders(headers: Record<string, string>): boolean {
  const autoSubmitted = headers["auto-submitted"]?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== "no") return true;
  const precedence = headers["precedence"]?.trim().toLowerCase();
  if (precedence && ["bulk", "junk", "list", "auto_reply"].includes(precedence)) return true;
  return (
    "x-autoreply" in headers ||
    "x-autorespond" in headers ||
    "x-autoresponder" in headers ||
    "x-auto-response-suppress" in headers
  );
}

// Out-of-office subjects in the languages our users' leads write in; matched at the start of the
// subject, where mail clients put them, so a human writing about an absence is not caught.
const AUTO_REPLY_SUBJECT = new RegExp(
  "^\\s*(\\[[^\\]]*\\]\\s*)?(" +
    [
      "auto(matic|matische|matisch)?[ -]?(reply|response|answer|antwort|antwoord|réponse)",
      "autoreply",
      "out of (the )?office",
      "away (from|until)",
      "on vacation",
      "vacation( reply)?:",
      "abwesenheitsnotiz",
      "abwesend",
      "réponse automatique",
      "absence",
      "respuesta automática",
      "fuera de la oficina",
      "risposta automatica",
      "fuori sede",
      "afwezig",
      "resposta automática",
      "autosvar",
      "automatisk svar",
      "frånvaro",
      "odpowiedź automatyczna",
      "poza biurem",
    ].join("|") +
    ")",
  "i",
);

export function hasAutoReplySubject(subject: string): boolean {
  return AUTO_REPLY_SUBJECT.test(subject);
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  // German, French, Spanish, Italian, Dutch spellings that differ in their first three letters
  jän: 1,
  mär: 3,
  mai: 5,
  okt: 10,
  dez: 12,
  janv: 1,
  févr: 2,
  fév: 2,
  mars: 3,
  avr: 4,
  juin: 6,
  juil: 7,
  août: 8,
  déc: 12,
  ene: 1,
  abr: 4,
  ago: 8,
  dic: 12,
  gen: 1,
  mag: 5,
  giu: 6,
  lug: 7,
  set: 9,
  ott: 10,
  mrt: 3,
  mei: 5,
};

function monthNumber(word: string): number | undefined {
  const lower = word.toLowerCase().replace(/\.$/, "");
  return MONTHS[lower.slice(0, 4)] ?? MONTHS[lower.slice(0, 3)];
}

// Phrases that introduce the return date ("back on", "until", "bis", "jusqu'au"…).
const RETURN_CUE =
  /(?:back|return(?:ing)?|returning to the office|in the office|until|till|through|bis (?:zum|einschließlich)?|wieder am|zurück am|jusqu'au|de retour le|hasta el|hasta|fino al|tot en met|tot)\s+(?:on\s+|the\s+)?/gi;
const NAMED_DATE =
  /^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:(\d{1,2})(?:st|nd|rd|th|\.)?\s+(?:of\s+)?([a-zäéû]{3,9}\.?)|([a-zäéû]{3,9}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?)(?:,?\s+(\d{4}))?/i;
const NUMERIC_DATE = /^(?:(\d{4})-(\d{2})-(\d{2})|(\d{1,2})[./](\d{1,2})(?:[./](\d{2,4}))?)/;

function toIso(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** The stated date, with a missing year taken as the next occurrence on or after `sentAt`. */
function dateAt(text: string, sentAt: Date): string | undefined {
  const inferYear = (month: number, day: number) => {
    const year = sentAt.getUTCFullYear();
    const candidate = Date.UTC(year, month - 1, day);
    return candidate < Date.UTC(year, sentAt.getUTCMonth(), sentAt.getUTCDate()) ? year + 1 : year;
  };
  const numeric = NUMERIC_DATE.exec(text);
  if (numeric) {
    if (numeric[1]) return toIso(Number(numeric[1]), Number(numeric[2]), Number(numeric[3]));
    // d.m(.y) and d/m(/y): day first, as everywhere outside the US; a US m/d date with a day
    // above 12 is recognised by the impossible month.
    let day = Number(numeric[4]);
    let month = Number(numeric[5]);
    if (month > 12 && day <= 12) [day, month] = [month, day];
    const rawYear = numeric[6] ? Number(numeric[6]) : undefined;
    const year =
      rawYear === undefined ? inferYear(month, day) : rawYear < 100 ? 2000 + rawYear : rawYear;
    return toIso(year, month, day);
  }
  const named = NAMED_DATE.exec(text);
  if (!named) return undefined;
  const month = monthNumber(named[2] ?? named[3] ?? "");
  const day = Number(named[1] ?? named[4]);
  if (!month) return undefined;
  return toIso(named[5] ? Number(named[5]) : inferYear(month, day), month, day);
}

/** Looks for a stated return date in the subject and the first part of the body. */
export function autoReplyInfo(subject: string, text: string, sentAt: Date | null): AutoReplyInfo {
  const reference = sentAt ?? new Date();
  // Out-of-office notes state the date early; bounding the scan keeps long bodies cheap.
  const haystack = `${subject}\n${text.slice(0, 2000)}`;
  for (const cue of haystack.matchAll(RETURN_CUE)) {
    const returnDate = dateAt(haystack.slice(cue.index + cue[0].length), reference);
    if (returnDate) return { returnDate };
  }
  return {};
}
