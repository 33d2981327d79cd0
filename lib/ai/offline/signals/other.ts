import { cues, type CategoryCues } from "../cues";

/** Acknowledgements and deferrals without intent: nothing for outreach to act on. */
export const OTHER: CategoryCues = {
  category: "other",
  cues: {
    en: cues(
      2,
      "Acknowledges without intent",
      /^\W*(thanks|thank you|thx|cheers|received|noted|got it)\W*(thanks|thank you)?\W*$/m,
      /\b(i'll|i will|let me) (have a look|take a look|look at it|think about it|get back to you)\b/,
      /\bforward(ing|ed) (this|it|your (e-?mail|message))\b/,
      /\bmeant to (reply|send|write) to\b/,
      /\bhappy new year|merry christmas|happy holidays\b/,
      /\blong time no see\b/,
      /\bfyi\b/,
    ),
    de: cues(2, "Bestätigt ohne Absicht", /\b(habe ich )?erhalten\b/, /\bich melde mich\b/),
    fr: cues(2, "Accuse réception", /\bbien recu\b/, /\bje (regarde|reviens vers vous)\b/),
    es: cues(2, "Acusa recibo", /\brecibido\b/),
    it: cues(2, "Conferma ricezione", /\bricevuto\b/),
    nl: cues(2, "Bevestigt ontvangst", /\bontvangen\b/),
    pt: cues(2, "Confirma receção", /\brecebido\b/),
  },
};
