/**
 * Line-level cues for reading an email signature or a pasted contact block: which line closes a
 * letter, names a company, a job title or an address. Covers English, German, French, Spanish,
 * Italian, Dutch and the Nordic languages — the ones our customers' leads write in most.
 */

/** "Best regards", "Mit freundlichen Grüßen", "Cordialement", … — what comes after is the signature. */
const SIGN_OFF =
  /^(?:--\s*|—+|_{2,}|(?:best|kind|warm|many)?\s*(?:regards|wishes|thanks|thank you|cheers|sincerely|yours)|best|thanks|mit freundlichen grüßen|mit freundlichen gruessen|freundliche grüße|viele grüße|beste grüße|liebe grüße|mfg|lg|cordialement|bien cordialement|bien à vous|salutations|meilleures salutations|(?:un )?saludo(?:s)?(?: cordiales)?|atentamente|un abrazo|cordiali saluti|distinti saluti|saluti|met vriendelijke groet(?:en)?|vriendelijke groet(?:en)?|groeten|med vänliga hälsningar|vänliga hälsningar|med venlig hilsen|venlig hilsen|med vennlig hilsen|ystävällisin terveisin|atenciosamente|pozdrawiam)[\s,.!]*$/i;

export function isSignOff(line: string): boolean {
  return SIGN_OFF.test(line.trim());
}

const LEGAL_SUFFIX =
  /(?:^|[\s,])(?:gmbh(?: & co\.? kg)?|ag|kg|ug|e\.?\s?k\.?|ltd\.?|limited|llc|l\.l\.c\.|inc\.?|corp\.?|corporation|co\.|plc|pty\.?(?: ltd\.?)?|llp|sas|sarl|s\.a\.r\.l\.|sa|s\.a\.|s\.l\.|sl|s\.r\.l\.|srl|s\.p\.a\.|spa|b\.v\.|bv|n\.v\.|nv|ab|oy|oyj|as|a\/s|aps|sp\. z o\.o\.|s\.a\.s\.|group|gruppe|groupe|holding)$/i;

export function looksLikeCompany(line: string): boolean {
  return LEGAL_SUFFIX.test(line.trim().replace(/[.,]+$/, (m) => (m.includes(".") ? "." : "")));
}

const TITLE_WORDS =
  /\b(?:ceo|cto|cfo|coo|cmo|cio|cro|cpo|vp|svp|evp|founder|co-founder|cofounder|owner|partner|president|chair(?:man|woman)?|director|head of|manager|lead|engineer|developer|officer|consultant|specialist|coordinator|analyst|architect|executive|associate|representative|administrator|assistant|buyer|recruiter|account|sales|marketing|procurement|purchasing|operations|geschäftsführer(?:in)?|geschäftsleitung|inhaber(?:in)?|leiter(?:in)?|abteilungsleiter(?:in)?|vertrieb(?:sleiter(?:in)?)?|einkauf(?:sleiter(?:in)?)?|prokurist(?:in)?|vorstand|referent(?:in)?|sachbearbeiter(?:in)?|directeur|directrice|responsable|gérant(?:e)?|chef de|chargé(?:e)? de|ingénieur|président(?:e)?|fondateur|fondatrice|director(?:a)?|gerente|jefe|jefa|responsable de|fundador(?:a)?|direttore|direttrice|responsabile|amministratore(?: delegato)?|titolare|fondatore|directeur|bedrijfsleider|eigenaar|oprichter|inkoper|verkoopleider|vd|verkställande direktör|inköpschef|säljchef|toimitusjohtaja)\b/i;

export function looksLikeTitle(line: string): boolean {
  return TITLE_WORDS.test(line);
}

const STREET =
  /\b(?:\d+[a-z]?\s+[\p{L}' .-]+\s(?:street|st\.?|road|rd\.?|avenue|ave\.?|lane|ln\.?|drive|dr\.?|boulevard|blvd\.?|way|place|pl\.?|square|sq\.?|suite)|[\p{L}-]*(?:straße|strasse|str\.|weg|allee|platz|gasse|ring|damm|ufer|laan|straat|gracht|plein|gatan|vägen|gade|vej|veien|gate)\s*\d+[a-z]?|(?:rue|avenue|boulevard|bd|place|allée|chemin|quai|impasse)\s+[\p{L}' -]+|(?:calle|c\/|avenida|avda\.?|paseo|plaza|carrer|rambla)\s+[\p{L}' .-]+|(?:via|viale|piazza|corso|largo)\s+[\p{L}' .-]+\s*\d*)/iu;
/** A postal code followed by a town: "10115 Berlin", "75008 Paris", "1012 AB Amsterdam", "SW1A 1AA". */
const POSTAL_TOWN =
  /(?:\b(?:[A-Z]{1,2}-)?\d{4,5}\s+[\p{Lu}][\p{L}.' -]+|\b\d{4}\s?[A-Z]{2}\s+[\p{Lu}][\p{L}-]+|\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b|\b[A-Z]{2}\s\d{5}(?:-\d{4})?\b)/u;

export function looksLikeAddress(line: string): boolean {
  if (/@|https?:|www\./i.test(line)) return false;
  return STREET.test(line) || POSTAL_TOWN.test(line);
}

const PARTICLES = new Set([
  "von",
  "van",
  "der",
  "den",
  "de",
  "da",
  "di",
  "del",
  "della",
  "la",
  "le",
  "du",
  "dos",
  "das",
  "y",
  "zu",
  "ten",
  "ter",
  "af",
]);

/** "Anna Schmidt", "Jean-Luc de la Tour", "María José García López", "Dr. Eva Berg". */
export function looksLikePersonName(line: string): boolean {
  const cleaned = line
    .trim()
    .replace(
      /^(?:dr\.?|prof\.?|mr\.?|mrs\.?|ms\.?|mme\.?|m\.|sr\.?|sra\.?|ing\.?|dipl\.-\w+\.?)\s+/i,
      "",
    )
    .replace(/,?\s+(?:phd|mba|msc|bsc|ma|ba|cpa|jr\.?|sr\.?)$/i, "");
  if (/[\d@|/:]/.test(cleaned) || cleaned.length > 60) return false;
  const words = cleaned.split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  if (looksLikeCompany(cleaned) || looksLikeTitle(cleaned) || isSignOff(cleaned)) return false;
  return words.every(
    // Capitalised words (O'Connor, McDonald, Jean-Luc), not acronyms (ACME, GmbH's "AG").
    (w) =>
      PARTICLES.has(w.toLowerCase()) ||
      (/^\p{Lu}[\p{L}'’]*\p{Ll}[\p{L}'’]*(?:-\p{Lu}[\p{L}'’]*)*\.?$/u.test(w) &&
        w !== w.toUpperCase()),
  );
}

/** "Head of Sales | ACME GmbH", "CTO at Initech", "Directrice commerciale, Dupont SA". */
export function splitTitleAndCompany(line: string): { title: string; company: string } | null {
  const bar = line.split(/\s+[|•·–—]\s+|\s+-\s+/);
  if (bar.length === 2 && looksLikeTitle(bar[0]!)) return { title: bar[0]!, company: bar[1]! };
  if (bar.length === 2 && looksLikeTitle(bar[1]!)) return { title: bar[1]!, company: bar[0]! };
  const at = line.match(/^(.+?)\s+(?:at|@|bei|chez|en|presso|bij|på|hos)\s+(.+)$/i);
  if (at && looksLikeTitle(at[1]!)) return { title: at[1]!, company: at[2]! };
  const comma = line.match(/^(.+?),\s+(.+)$/);
  if (comma && looksLikeTitle(comma[1]!) && looksLikeCompany(comma[2]!)) {
    return { title: comma[1]!, company: comma[2]! };
  }
  return null;
}
