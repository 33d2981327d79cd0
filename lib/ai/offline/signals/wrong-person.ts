import { cues, type CategoryCues } from "../cues";

/** Not the one to talk to: left the company, another role, or points to someone else. */
export const WRONG_PERSON: CategoryCues = {
  category: "wrong_person",
  cues: {
    en: [
      ...cues(
        4,
        "Says they are not the right contact",
        /\b(not|isn't|n't) the (right|correct|best) (person|contact)\b/,
        /\bwrong (person|contact|address|department)\b/,
        /\b(you've got|you have|you got) the wrong\b/,
        /\b(no longer|don't|do not) work (at|for|with|here)\b/,
        /\bno longer with\b/,
        /\bi (have )?left (the company|[a-z]+ in|[a-z]+ last)\b/,
        /\b(not|isn't) my (area|department|responsibility)\b/,
        /\b(i don't|i do not) (handle|deal with|make|own)\b/,
        /\bnot (responsible|in charge) for\b/,
        /\bthat would be (our|my)\b/,
        /\byou (probably |might )?want (to talk to |to speak to )?[a-z]+ [a-z]+\b/,
        /\bmy (replacement|successor)\b/,
        /\b(moved|changed) (to a )?(different|new|another) (role|team|position|job)\b/,
      ),
      ...cues(
        2,
        "Points to someone else",
        /\b(please )?(contact|reach out to|get in touch with|talk to|speak (to|with)|try) (our|my|[a-z]+ [a-z]+,|[a-z]+ [a-z]+ \(|[a-z.-]+@)/,
      ),
    ],
    de: cues(
      4,
      "Nicht der richtige Ansprechpartner",
      /\bfalsche(n)? ansprechpartner(in)?\b/,
      /\bnicht (mehr )?zustandig\b/,
      /\bzustandig ist\b/,
      /\bnicht mehr (bei|fur) (der|die|das|dem|[a-z]+)\b.{0,40}\b(tatig|beschaftigt)\b/,
      /\bwenden sie sich (bitte )?an\b/,
      /\b(habe|hat) das unternehmen verlassen\b/,
    ),
    fr: cues(
      4,
      "Pas le bon interlocuteur",
      /\bpas (la bonne personne|le bon interlocuteur)\b/,
      /\bne travaille plus\b/,
      /\bcontactez plutot\b/,
      /\bce n'est pas moi qui\b/,
      /\bvoyez avec\b/,
    ),
    es: cues(
      4,
      "No es la persona adecuada",
      /\bno soy la persona (adecuada|indicada|correcta)\b/,
      /\bya no trabajo\b/,
      /\b(escribe|escriba|contacta|contacte) (a|con) [a-z]/,
    ),
    it: cues(
      4,
      "Non è la persona giusta",
      /\bnon sono la persona (giusta|corretta)\b/,
      /\bnon lavoro piu\b/,
      /\bsi rivolga a\b/,
    ),
    nl: cues(
      4,
      "Niet de juiste persoon",
      /\bniet de (juiste|goede) (persoon|contactpersoon)\b/,
      /\bwerk (hier )?niet meer\b/,
      /\bneem contact op met\b/,
    ),
    pt: cues(
      4,
      "Não é a pessoa indicada",
      /\bnao sou a pessoa (indicada|certa|correta)\b/,
      /\bja nao trabalho\b/,
      /\bfale com\b/,
    ),
  },
};
