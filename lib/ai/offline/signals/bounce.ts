import { cues, type CategoryCues } from "../cues";

/** Delivery-failure wording, for bounces that reach us as text without their DSN headers. */
export const BOUNCE: CategoryCues = {
  category: "bounce",
  cues: {
    en: [
      ...cues(
        4,
        "Delivery failure notice",
        /\b(could ?n[o']?t|wasn't|was not|could not|cannot|can't) (be )?deliver(ed)?\b/,
        /\b(unable to|failed to|wasn't able to) deliver\b/,
        /\bdelivery (has )?failed\b/,
        /\bmail delivery (failed|subsystem|system)\b/,
        /\bpermanent (fatal )?error/,
        /\baddress (not found|couldn't be found|could not be found)\b/,
        /\b(user|recipient|mailbox|host|domain name?) (unknown|not found)\b/,
        /\bno (such user|mailbox here)\b/,
        /\bmessage not delivered\b/,
        /\btemporary problem delivering\b/,
      ),
      ...cues(2, "SMTP failure code", /\b[45]\d\d[ -]#?[45]\.\d{1,3}\.\d{1,3}\b/, /\(#5\.\d\.\d\)/),
    ],
    de: cues(4, "Unzustellbar", /\bunzustellbar\b/, /\bnicht (an .{0,60} )?zugestellt werden\b/),
    fr: cues(4, "Message non remis", /\bn'a pas pu etre (remis|distribue)\b/, /\bnon remis\b/),
    es: cues(4, "Mensaje no entregado", /\bno se (ha )?podido entregar\b/, /\bno entregado\b/),
    it: cues(
      4,
      "Messaggio non recapitato",
      /\bnon (e stato )?recapitat[oa]\b/,
      /\bnon recapitabile\b/,
    ),
    nl: cues(4, "Niet bezorgd", /\bkan niet worden bezorgd\b/, /\bonbestelbaar\b/),
    pt: cues(4, "Mensagem não entregue", /\bnao pode ser entregue\b/, /\bnao entregue\b/),
  },
};
