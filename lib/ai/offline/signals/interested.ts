import { cues, type CategoryCues } from "../cues";

// Months and seasons, for "reach out again in Q3 / in June / im Herbst".
const LATER =
  "(q[1-4]|january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|fall|winter|the new year|januar|februar|marz|juni|juli|oktober|dezember|fruhjahr|sommer|herbst|septembre|octobre|janvier|fevrier|mars|avril|mai|juin|juillet|aout|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|mei|juni|oktober)";

/** Stated interest, including "not now, but come back in Q3". */
export const INTERESTED: CategoryCues = {
  category: "interested",
  cues: {
    en: [
      ...cues(
        3,
        "Expresses interest",
        /\binterested\b/,
        /\bsounds (good|great|promising|interesting|exciting)\b/,
        /\blooks (relevant|interesting|great|promising)\b/,
        /\b(tell|show) me more\b/,
        /\b(i'd|i would|we'd|we would) (like|love) to (learn|see|hear|know|try)\b/,
        /\blearn more\b/,
        /\b(i'm|i am|we're|we are) keen\b/,
        /\bcould be a (good )?fit\b/,
        /\bexactly what we need\b/,
        /\bcaught my eye\b/,
        /\b(good|great|perfect) timing|timing is (great|good|perfect)\b/,
        /\bnext steps?\b/,
        /\bwant to keep hearing\b/,
        /\bhappy to hear more\b/,
        /\b(open to|we'd consider|worth exploring|evaluating options|timely)\b/,
        /\b(might|may) (actually )?need (this|it|something like this)\b/,
        /\bcould work for us\b/,
      ),
      ...cues(
        2,
        "Asks for material",
        /\bsend (me |us |over |me over )+(the |a |some |more |your )*(info|information|details|demo|deck|proposal|pricing|case stud|brochure|video)/,
        /\b(share|send) (a |the )?(deck|case study|proposal|brochure)\b/,
        /\b(yes|yeah|yep|sure),? please\b/,
        /^\W*(yes|yeah|yep)\b/m,
        /\b(free )?trial\b/,
      ),
      ...cues(
        3,
        "Asks to be contacted later",
        new RegExp(
          `\\b(reach out|ping me|get back to me|contact me|follow up|circle back|write again)( again)? (in|after|around) ${LATER}`,
        ),
      ),
    ],
    de: [
      ...cues(
        3,
        "Zeigt Interesse",
        /\binteresse\b/,
        /\bklingt (interessant|spannend|gut|vielversprechend)\b/,
        /\b(ist fur uns|das ist) relevant\b/,
        /\bmehr erfahren\b/,
        /\b(gerne|gern) mehr\b/,
        /\b(gerade|sehr) aktuell\b/,
      ),
      ...cues(
        2,
        "Bittet um Unterlagen",
        /\b(informationen|unterlagen|preisubersicht|testversion)\b/,
        /^\W*(ja|grundsatzlich ja)\b/m,
      ),
      ...cues(
        3,
        "Bittet um spätere Kontaktaufnahme",
        new RegExp(`\\bmelden sie sich (gerne |gern )?(im|in|nach|ab) ${LATER}`),
      ),
    ],
    fr: [
      ...cues(
        3,
        "Exprime de l'intérêt",
        /\b(ca|cela) (m'|nous )interesse\b/,
        /\ble sujet m'interesse\b/,
        /\ben savoir plus\b/,
        /\bce que nous cherchons\b/,
        /\b(pourrait|pourra) nous (convenir|interesser)\b/,
        /\b(en dire|m'en dire) plus\b/,
      ),
      ...cues(
        2,
        "Demande de la documentation",
        /\b(envoyez|envoyer)(-moi| moi)?\b.{0,30}\b(documentation|informations|tarifs)\b/,
      ),
      ...cues(
        3,
        "Demande à être recontacté",
        new RegExp(`\\brecontactez(-moi)? (en|au|apres) ${LATER}`),
      ),
    ],
    es: [
      ...cues(
        3,
        "Muestra interés",
        /\b(nos|me) interesa\b/,
        /\b(me parece|muy) interesante\b/,
        /\bcuentame mas\b/,
        /\bbuscando algo (asi|como esto)\b/,
      ),
      ...cues(2, "Pide información", /\b(mas informacion|una presentacion|precios)\b/),
      ...cues(
        3,
        "Pide que le escriban más adelante",
        new RegExp(`\\bescribeme de nuevo (en|a partir de) ${LATER}`),
      ),
    ],
    it: [
      ...cues(
        3,
        "Mostra interesse",
        /\b(siamo|sono) interessat[iae]\b/,
        /\bmi interessa\b/,
        /\binteressante\b/,
        /\b(fare|fa) al caso nostro\b/,
        /\b(racconti|dica|dimmi) di piu\b/,
      ),
      ...cues(
        2,
        "Chiede materiale",
        /\b(maggiori dettagli|materiale informativo|preventivo|provarlo)\b/,
      ),
    ],
    nl: [
      ...cues(
        3,
        "Toont interesse",
        /\binteresse\b/,
        /\bklinkt (interessant|goed)\b/,
        /\bwil (ik )?er (graag )?naar kijken\b/,
      ),
      ...cues(2, "Vraagt om informatie", /\b(meer informatie|offerte)\b/),
      ...cues(
        3,
        "Vraagt om later contact",
        /\bneem\b.{0,25}\b(nog eens|opnieuw|weer) contact op\b(?! met)/,
      ),
    ],
    pt: [
      ...cues(3, "Mostra interesse", /\b(temos|tenho) interesse\b/, /\binteressante\b/),
      ...cues(2, "Pede informação", /\b(mais informacoes|uma apresentacao|versao de teste)\b/),
    ],
  },
};
