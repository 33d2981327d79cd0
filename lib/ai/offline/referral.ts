import type { ReplyVerdict } from "@/lib/ai/reply-classification";
import { foldForMatching } from "./text";

type Referral = NonNullable<ReplyVerdict["referral"]>;

// Where a sender hands over to someone: "please contact", "wenden Sie sich an", "si rivolga a"…
const HANDOVER =
  /\b(contact|reach out to|get in touch with|talk to|speak (to|with)|try|that would be|ask|wenden sie sich (bitte )?an|zustandig ist|contactez( plutot)?|escribe a|escriba a|contacta(r)? con|si rivolga a|neem contact op met|fale com|falar com)\b/g;
const HONORIFIC = /\b(Herrn?|Frau|Mr|Mrs|Ms|Dr|Mme|M|Sr|Sra|Sig|Sig\.ra|dhr|mevr)\.?\s+/g;
// Two or three capitalised words, not the tail of a hyphenated word ("IT-Leiterin").
const NAME =
  /(?<![\p{L}-])(\p{Lu}[\p{Ll}'’-]+(?:\s+(?:de|van|von|da|del|di|der)\s+|\s+)\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+)?)/u;
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;
// A title mentions a role; a bare company name or greeting does not.
const ROLE =
  /\b(head|director|manager|lead|chief|officer|vp|cto|ceo|cfo|coo|cio|owner|procurement|purchasing|leiter|leiterin|leitung|einkauf|directeur|directrice|responsable|responsabile|director|directora|diretor|diretora|gerente|inkoop|manager|it)\b|manager\b|leiter(in)?\b/i;
const POSSESSIVE =
  /^(our|my|the|their|new|unsere[nr]?|unser|notre|nos|nuestro|nuestra|il nostro|la nostra|onze|o nosso|a nossa|nouveau|nouvelle|nuevo|nueva)\s+/i;

function cleanTitle(raw: string): string | null {
  let title = raw.replace(HONORIFIC, "").trim();
  for (let i = 0; i < 2; i++) title = title.replace(POSSESSIVE, "");
  title = title.replace(/[,:;(]+$/, "").trim();
  return title.length >= 2 && title.length <= 60 && ROLE.test(title) ? title : null;
}

/**
 * The contact a wrong-person reply points to: "please contact Jane Doe, our head of procurement,
 * jane@acme.com". Reads the reply's own text (quotes and signature already removed); the
 * sender's own address, from the headers, is never the referral.
 */
export function extractReferral(text: string, senderAddress: string | null): Referral | null {
  const emails = [...text.matchAll(new RegExp(EMAIL.source, "g"))]
    .map((match) => match[0].replace(/\.$/, ""))
    .filter((address) => address.toLowerCase() !== senderAddress?.toLowerCase());
  const folded = foldForMatching(text);
  let name: string | null = null;
  let title: string | null = null;
  for (const handover of folded.matchAll(HANDOVER)) {
    const after = handover.index + handover[0].length;
    const window = text.slice(after, after + 160).split("\n")[0] ?? "";
    const cleaned = window.replace(HONORIFIC, (honorific) => " ".repeat(honorific.length));
    const found = NAME.exec(cleaned);
    if (!found || found.index > 60) continue;
    name = (found[1] ?? "").trim();
    const before = cleaned.slice(0, found.index).replace(/,\s*$/, "");
    const following = /^\s*[,–-]\s*([^,:;()\n@]{2,60}?)\s*[,:;(]/.exec(
      cleaned.slice(found.index + found[0].length),
    );
    title = (following && cleanTitle(following[1] ?? "")) || cleanTitle(before);
    break;
  }
  const email = emails[0] ?? null;
  if (!name && !email) return null;
  return { name, email, title };
}
