import { cues, type CategoryCues } from "../cues";

/** Machine answers other than an absence: receipts, unmonitored mailboxes, address changes. */
export const AUTO_REPLY: CategoryCues = {
  category: "auto_reply",
  cues: {
    en: cues(
      3,
      "Automatic acknowledgement",
      /\bautomated (response|message|reply|e-?mail)\b/,
      /\bautomatic(ally)? (generated|reply|response)\b/,
      /\b(do not|please don't|please do not) reply( to this)?\b/,
      /\b(no longer|not) monitored\b/,
      /\b(we|i) (have|'ve) received your (message|request|e-?mail|enquiry|inquiry)\b/,
      /\byour (message|request|e-?mail)( to [^ ]+)? has been received\b/,
      /\bticket ?#?\d+/,
      /\b(respond|reply|get back to you) within \d+ (hours|business days|working days|days)\b/,
      /\bmy new e-?mail address is\b/,
      /\b(verify|confirm) (that )?you are (a person|human)\b/,
      /\boffice hours are\b/,
      /\b(less time in my inbox|check (my )?e-?mail twice a day)\b/,
      /\bdue to (high|a high) volume\b/,
      /\bwe (got|received) your (e-?mail|message|request)\b/,
      /\b(address|mailbox) is no longer (in use|active)\b/,
    ),
    de: cues(
      3,
      "Automatische Eingangsbestätigung",
      /\bautomatisch (generierte|erstellte|versandte)\b/,
      /\beingangsbestatigung\b/,
      /\b(ist|sind) bei uns eingegangen\b/,
      /\bbitte antworten sie nicht\b/,
    ),
    fr: cues(
      3,
      "Accusé de réception automatique",
      /\breponse automatique\b/,
      /\b(avons|ai) bien recu votre (message|demande|e-?mail)\b/,
      /\baccuse de reception\b/,
      /\bsera traite\b/,
    ),
    es: cues(
      3,
      "Acuse de recibo automático",
      /\b(mensaje|respuesta) automatic[oa]\b/,
      /\bhemos recibido su\b/,
    ),
    it: cues(
      3,
      "Risposta automatica",
      /\b(messaggio|risposta) automatic[oa]\b/,
      /\babbiamo ricevuto la sua\b/,
    ),
    nl: cues(
      3,
      "Automatisch antwoord",
      /\bautomatisch (antwoord|bericht|gegenereerd)\b/,
      /\bwe hebben (je|uw) (bericht|e-?mail) ontvangen\b/,
    ),
    pt: cues(
      3,
      "Resposta automática",
      /\b(resposta|mensagem) automatica\b/,
      /\brecebemos a sua (mensagem|solicitacao)\b/,
    ),
  },
};
