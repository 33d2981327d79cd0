import { isSignOff } from "./signature-lines";

/** Words that say nothing about a text's subject, in the languages the classifier reads. */
const STOPWORDS = new Set(
  (
    "a an the and or but if of to in on at for from by with about as is are was were be been it " +
    "this that these those i you he she we they me my your our their us them not no yes do does " +
    "did have has had will would can could should may might just so than then there here what " +
    "which who when where how all any some more most very also please thanks thank hi hello dear " +
    "der die das und oder aber ein eine einen ist sind war zu im in mit von für auf ich sie wir " +
    "nicht es den dem des bitte danke le la les et ou un une des est sont pour dans avec sur je " +
    "vous nous pas ce cette merci el los las y o unos una es son para en con por yo usted no " +
    "gracias il lo gli e di da per con su non grazie de het een en is zijn voor met op niet"
  ).split(" "),
);

function sentences(text: string): string[] {
  const kept: string[] = [];
  for (const raw of text.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trim();
    // Quoted history and everything after a sign-off belong to other texts or the signature.
    if (/^>/.test(line) || /^On .+ wrote:$/i.test(line) || /^Am .+ schrieb/i.test(line)) break;
    if (isSignOff(line)) break;
    if (line) kept.push(line);
  }
  return kept
    .join(" ")
    .split(/(?<=[.!?])\s+(?=[\p{Lu}\d“"¿¡])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 2);
}

const words = (s: string) =>
  (s.toLowerCase().match(/[\p{L}\d][\p{L}\d'-]*/gu) ?? []).filter(
    (w) => w.length > 2 && !STOPWORDS.has(w),
  );

/**
 * An extractive summary: the sentences that carry the text's most frequent content words
 * (a classic frequency summariser), in their original order; questions and figures get a small
 * bonus since in sales mail they are what needs an answer. Never invents a word.
 */
export function summarizeTextOffline(
  text: string,
  maxBullets = 4,
): { summary: string; bullets: string[] } {
  const all = sentences(text);
  if (all.length === 0) {
    const flat = text.replace(/\s+/g, " ").trim();
    return { summary: flat.slice(0, 300), bullets: [] };
  }
  const freq = new Map<string, number>();
  for (const s of all) for (const w of new Set(words(s))) freq.set(w, (freq.get(w) ?? 0) + 1);
  const scored = all.map((s, i) => {
    const ws = words(s);
    const weight = ws.reduce((n, w) => n + (freq.get(w) ?? 0), 0) / Math.sqrt(ws.length || 1);
    const bonus = (s.includes("?") ? 1.5 : 0) + (/\d/.test(s) ? 0.5 : 0) + (i === 0 ? 1 : 0);
    return { s, i, score: weight + bonus };
  });
  const top = [...scored]
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, Math.min(maxBullets, all.length))
    .sort((a, b) => a.i - b.i)
    .map((x) => (x.s.length > 300 ? `${x.s.slice(0, 299)}…` : x.s));
  const lead = top.slice(0, 2).join(" ");
  return { summary: lead.length > 600 ? `${lead.slice(0, 599)}…` : lead, bullets: top };
}
