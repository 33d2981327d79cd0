import { cues, type CategoryCues } from "../cues";

// Weekdays and clock times in the covered languages, for "Thursday at 2pm", "jeudi à 14h".
const DAY =
  "(monday|tuesday|wednesday|thursday|friday|montag|dienstag|mittwoch|donnerstag|freitag|lundi|mardi|mercredi|jeudi|vendredi|lunes|martes|miercoles|jueves|viernes|lunedi|martedi|mercoledi|giovedi|venerdi|maandag|dinsdag|woensdag|donderdag|vrijdag|segunda|terca|quarta|quinta|sexta)";
const TIME = "(\\d{1,2}([:.]\\d{2})? ?(am|pm|h|uhr|u)?\\b|\\d{1,2}h\\d{0,2})";

/** Asks for or proposes a call, demo or meeting, or a time for one. */
export const MEETING: CategoryCues = {
  category: "meeting_request",
  cues: {
    en: [
      ...cues(
        3,
        "Proposes a call or meeting",
        /\b(jump on|get on|hop on|set up|schedule|book|arrange|have) (a |an )?(quick |short )?(\d+[- ]minute )?(call|meeting|demo|chat|time|slot)/,
        /\b(on|over) a (quick )?call\b/,
        /\blet's (talk|chat|meet|set up|get on|do)\b/,
        /\b(calendly|cal\.com|hubspot\.com\/meetings|savvycal)\b/,
        /\bsend (me |us )?(an |a )?(calendar |google meet |teams |zoom )?invite\b/,
        /\b(a few |some )?(time )?slots\b/,
        /\byour availability|availability look\b/,
        /\b(can|could) we (do|have|schedule|set up|book) (a |an )/,
        /\bdemo for my team\b/,
        /\b(walk-?through|video ?call|zoom|teams call)\b/,
        /\bfind (\d+ minutes|a time|some time)\b/,
        /\b(free|available) for a (quick )?(call|chat)\b/,
        /\bwhen (would|could|can|are|will) you (be )?(free|available|have time)\b/,
      ),
      ...cues(
        2,
        "Offers a time",
        new RegExp(`\\b${DAY}\\b.{0,25}\\b(at|after|before|around) ${TIME}`),
        new RegExp(`\\b(free|available|around) (on )?(${DAY}|tomorrow|the \\d{1,2}(st|nd|rd|th)?)`),
        new RegExp(`\\b(i have|got) \\d+ minutes\\b`),
        /\bworks for me\b/,
      ),
    ],
    de: [
      ...cues(
        3,
        "Schlägt ein Gespräch vor",
        /\b(termin|telefonat|gesprach|call|demo)\b.{0,40}\b(vereinbaren|machen|ausmachen|buchen)\b/,
        /\b(lassen sie uns|lass uns) (gerne )?(telefonieren|sprechen|einen call)/,
        /\beinladung (fur|zum)\b/,
        /\bslot in meinem kalender\b/,
        /\bwann (hatten|haben|hast) (sie|du)\b.{0,30}\bzeit\b/,
      ),
      ...cues(
        2,
        "Nennt einen Zeitpunkt",
        new RegExp(`\\b(passt (ihnen|dir)|wie ware es mit) ${DAY}`),
        new RegExp(`\\b${DAY}\\b.{0,20}\\bum ${TIME}`),
      ),
    ],
    fr: [
      ...cues(
        3,
        "Propose un rendez-vous",
        /\b(s'appeler|un appel|rendez-vous|une demo|une reunion|invitation pour|de vive voix|en visio)\b/,
        /\b(organiser|planifier|caler|prenons)\b.{0,20}\b(demo|rendez-vous|appel|reunion)\b/,
      ),
      ...cues(
        2,
        "Propose un créneau",
        new RegExp(`\\b${DAY}\\b.{0,20}\\ba ${TIME}`),
        /\bje suis (disponible|libre)\b/,
      ),
    ],
    es: [
      ...cues(
        3,
        "Propone una reunión",
        /\b(hablemos|una llamada|una reunion|agendar|organizamos|una demo)\b/,
      ),
      ...cues(
        2,
        "Propone una hora",
        new RegExp(`\\b${DAY}\\b.{0,20}\\ba las ${TIME}`),
        /\bte viene bien\b/,
      ),
    ],
    it: [
      ...cues(
        3,
        "Propone un incontro",
        /\b(fissare|organizziamo|una call|una chiamata|un incontro|una demo|qualche orario|un paio di orari)\b/,
      ),
      ...cues(
        2,
        "Propone un orario",
        new RegExp(`\\b${DAY}\\b.{0,20}\\balle ${TIME}`),
        /\bsono disponibile\b/,
      ),
    ],
    nl: [
      ...cues(
        3,
        "Stelt een gesprek voor",
        /\b(even bellen|laten we bellen|afspraak|inplannen|een demo|uitnodiging|langskomen|presentatie)\b/,
      ),
      ...cues(2, "Noemt een tijd", new RegExp(`\\bpast ${DAY}`), /\bkomt (mij|me) (goed )?uit\b/),
    ],
    pt: [
      ...cues(
        3,
        "Propõe uma reunião",
        /\b(vamos conversar|uma reuniao|agendar|marcar|uma (video)?chamada|uma demo)\b/,
      ),
      ...cues(2, "Propõe um horário", new RegExp(`\\b${DAY}(-feira)?\\b.{0,20}\\bas ${TIME}`)),
    ],
  },
};
