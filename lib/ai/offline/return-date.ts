import { autoReplyInfo } from "@/lib/inbound/auto-reply";
import { foldForMatching } from "./text";

// Weekday names as they precede a date in the covered languages ("lundi 16 mars"); the inbound
// date reader understands English weekdays only, so these are dropped before it reads.
const FOREIGN_WEEKDAY =
  /\b(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miercoles|jueves|viernes|sabado|domingo|lunedi|martedi|mercoledi|giovedi|venerdi|sabato|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|segunda|terca|quarta|quinta|sexta)(-feira)?,?\s+(?=\d)/g;

/**
 * Rewrites the phrasings the inbound date reader does not know into ones it does: "12 de marzo"
 * (Spanish, Portuguese), Dutch "maart", Portuguese months and cues, "ab dem 16. März wieder",
 * "vanaf maandag 9 maart weer", "from 2/3 to 13/3".
 */
function normaliseForDateReader(folded: string): string {
  return folded
    .replace(FOREIGN_WEEKDAY, "")
    .replace(/(\d{1,2})\.?\s+de\s+(?=[a-z])/g, "$1 ")
    .replace(/\bmaart\b/g, "mrt")
    .replace(/\bfevereiro\b/g, "feb")
    .replace(/\boutubro\b/g, "oct")
    .replace(/\bfevr(ier)?\b/g, "feb")
    .replace(/\baout\b/g, "aug")
    .replace(
      /\b(ate|regresso (no dia|a|em)|volvere el|volvere)\s+(ao\s+|o\s+dia\s+|dia\s+)?/g,
      "until ",
    )
    .replace(/\b(ab|vanaf)\s+(dem\s+)?([^,;\n]{3,25}?)\s+(wieder|weer)\b/g, "back on $3")
    .replace(/\bto\s+(?=\d)/g, "until ");
}

const WEEKDAYS: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sonntag: 0,
  montag: 1,
  dienstag: 2,
  mittwoch: 3,
  donnerstag: 4,
  freitag: 5,
  samstag: 6,
  dimanche: 0,
  lundi: 1,
  mardi: 2,
  mercredi: 3,
  jeudi: 4,
  vendredi: 5,
  samedi: 6,
  domingo: 0,
  lunes: 1,
  martes: 2,
  miercoles: 3,
  jueves: 4,
  viernes: 5,
  sabado: 6,
  lunedi: 1,
  martedi: 2,
  mercoledi: 3,
  giovedi: 4,
  venerdi: 5,
  sabato: 6,
  zondag: 0,
  maandag: 1,
  dinsdag: 2,
  woensdag: 3,
  donderdag: 4,
  vrijdag: 5,
  zaterdag: 6,
};
const CUE =
  "(back|return(ing)?|until|till|through|bis|wieder am|zuruck am|jusqu'a|de retour|hasta el|hasta|volvere el|fino a|tot|vanaf|ab|ate)";
const RELATIVE_WEEKDAY = new RegExp(
  `\\b${CUE}\\s+(on\\s+|the\\s+|le\\s+|el\\s+)?(${Object.keys(WEEKDAYS).join("|")})\\b`,
);
const TOMORROW = /\b(tomorrow|morgen|demain|manana|domani|amanha)\b/;
const DAY_OF_MONTH = new RegExp(`\\b${CUE}\\s+(on\\s+)?the\\s+(\\d{1,2})(st|nd|rd|th)\\b`);

const iso = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (date: Date, days: number) =>
  new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + days));

/** "back on Monday", "until the 20th", "tomorrow": resolved against the day the reply came. */
function relativeDate(folded: string, receivedAt: Date): string | null {
  const weekday = RELATIVE_WEEKDAY.exec(folded);
  if (weekday) {
    const target = WEEKDAYS[weekday[4] ?? ""] ?? 1;
    const ahead = (target - receivedAt.getUTCDay() + 7) % 7 || 7;
    return iso(addDays(receivedAt, ahead));
  }
  const dayOfMonth = DAY_OF_MONTH.exec(folded);
  if (dayOfMonth) {
    const day = Number(dayOfMonth[4]);
    const year = receivedAt.getUTCFullYear();
    const month = receivedAt.getUTCMonth() + (day < receivedAt.getUTCDate() ? 1 : 0);
    const date = new Date(Date.UTC(year, month, day));
    return date.getUTCDate() === day ? iso(date) : null;
  }
  if (TOMORROW.test(folded)) return iso(addDays(receivedAt, 1));
  return null;
}

/**
 * The date an absent sender is back, when the note states one: lib/inbound's reader (dates with
 * a cue: "until 10 March", "bis 13.03.2026"), after rewriting other languages' phrasings into
 * what it reads, then weekdays and "tomorrow" relative to the day the reply was received.
 */
export function returnDateOf(subject: string, text: string, receivedAt: Date): string | null {
  const folded = foldForMatching(`${subject}\n${text}`);
  const rewritten = normaliseForDateReader(folded);
  const [firstLine = "", ...rest] = rewritten.split("\n");
  const stated = autoReplyInfo(firstLine, rest.join("\n"), receivedAt).returnDate;
  return stated ?? relativeDate(folded, receivedAt);
}
