import { cues, type CategoryCues } from "../cues";

/** Asks something we must answer first: price, integrations, data location, who we are. */
export const QUESTION: CategoryCues = {
  category: "question",
  cues: {
    en: [
      ...cues(1, "Asks a question", /\?/),
      ...cues(
        1.5,
        "Asks about the product",
        /(^|[.!?]\s+)(how|what|where|who|which|why|does|do you|is (it|there|the|this)|can (it|i|we|you)|are (you|there))\b/m,
        /\b(cost|price|pricing|per[- ]seat|license|integrat\w*|gdpr|support contracts?|hardware|different from|difference)\b/,
      ),
    ],
    de: cues(
      1.5,
      "Stellt eine Frage",
      /(^|[.!?]\s+)(was|wie|wo|woher|gibt es|lauft|lasst sich|unterstutzt|kann)\b/m,
      /\b(kostet|kosten|schnittstelle|dsgvo)\b/,
    ),
    fr: cues(
      1.5,
      "Pose une question",
      /(^|[.!?]\s+)(combien|comment|est-ce|quelle?s?|ou|pourquoi)\b/m,
      /\b(coute|tarif|compatible|heberge(es)?)\b/,
    ),
    es: cues(
      1.5,
      "Hace una pregunta",
      /(^|[.!?]\s+)¿?(cuanto|como|donde|se integra|que|cual|hay)\b/m,
      /\b(cuesta|licencia|integra|rgpd)\b/,
    ),
    it: cues(
      1.5,
      "Fa una domanda",
      /(^|[.!?]\s+)(quanto|come|dove|e possibile|che tipo|quale)\b/m,
      /\b(costa|integrarlo|assistenza)\b/,
    ),
    nl: cues(
      1.5,
      "Stelt een vraag",
      /(^|[.!?]\s+)(wat|hoe|waar|werkt|kan|is er)\b/m,
      /\b(kost|koppeling)\b/,
    ),
    pt: cues(
      1.5,
      "Faz uma pergunta",
      /(^|[.!?]\s+)(quanto|como|onde|qual|funciona|existe)\b/m,
      /\b(custa|diferenca|integra)\b/,
    ),
  },
};
