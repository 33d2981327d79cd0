import { cues, type CategoryCues } from "../cues";

/**
 * Asking to stop being contacted is a legal matter (GDPR, CAN-SPAM): these cues are broad on
 * purpose and an unsubscribe cue wins over any other human intent (see classify-reply.ts).
 */
export const UNSUBSCRIBE: CategoryCues = {
  category: "unsubscribe",
  cues: {
    en: [
      ...cues(
        5,
        "Asks to be removed",
        /\bun-?subscribe\b/,
        /\bremove (me|us|my (e-?mail|address|details|data|name)|this (e-?mail|address))\b/,
        /\b(take|get) (me|us|my (e-?mail|address)) off\b/,
        /\b(off|from) (your|the|this) (mailing |contact |distribution |e-?mail )?list\b/,
        /\bopt(ing)?[ -]?(me )?out\b/,
        /\bdelete my (data|details|address|e-?mail|information|personal data)\b/,
        /\berasure of my\b/,
        /\b(take|get|strike|drop|cross) (me|us|my (e-?mail|address|name))\b.{0,25}\b(off|from|out of)\b/,
        /\b(stop|quit) (getting|receiving)\b/,
        /\bcease\b/,
        /\b(don't|do not|no longer) (want|wish) to (receive|get|hear)\b/,
      ),
      ...cues(
        5,
        "Asks to stop contact",
        /^\W*stop\W*$/m,
        /\bstop (e-?mailing|sending|contacting|writing|messaging|spamming|reaching out)\b/,
        /\bplease stop\b/,
        /\b(do not|don't|dont|never) (ever )?(e-?mail|contact|write|message|send|reach out to|spam) (me|us|again|anymore|this)\b/,
        /\bno (more|further) (e-?mails|emails|messages|mails|contact|follow[ -]?ups)\b/,
        /\b(didn't|did not|don't|do not|wouldn't) (follow up|reach out|contact (me|us)|write) again\b/,
        /\bleave (me|us) alone\b/,
        /\breport (this|you) (as|for) spam\b/,
        /\bnever (signed|subscribed|opted|asked)\b/,
        /(^|[.!]\s+)stop\W*$/m,
      ),
    ],
    de: [
      ...cues(
        5,
        "Bittet um Austragung",
        /\b(ab|aus)(melden|bestellen|tragen)\b/,
        /\b(aus|von) (ihrem|ihrer|dem|der|eurem|eurer|deinem) (e-?mail-?)?(verteiler|liste|newsletter)/,
        /\b(losche|loschen sie|entfernen sie) (mich|meine)/,
        /\bwiderspreche\b/,
        /\b(streichen|entfernen|nehmen) sie (mich|uns|meine)\b/,
        /\b(will|mochte|moechte) (keine|nichts mehr)\b/,
      ),
      ...cues(
        5,
        "Bittet, nicht mehr kontaktiert zu werden",
        /\bkeine (weiteren |e-?mails|mails|nachrichten|werbung|kontaktaufnahme)/,
        /\bnicht mehr (kontaktieren|anschreiben|schreiben|anrufen|mailen)\b/,
        /\b(kontaktieren|schreiben) sie mich nicht\b/,
      ),
    ],
    fr: [
      ...cues(
        5,
        "Demande à être désinscrit",
        /\bdes(inscri|abonn)/,
        /\b(me|nous) (retirer|supprimer|enlever) de\b/,
        /\bsupprimer? mes (donnees|coordonnees)\b/,
        /\b(retirez|enlevez|supprimez|rayez)(-| )?(moi|nous)\b/,
      ),
      ...cues(
        5,
        "Demande l'arrêt des envois",
        /\barretez de (m'|nous )?(envoyer|ecrire|contacter)/,
        /\bne (m'|nous )?(envoyez|ecrivez|contactez) plus\b/,
        /\bne (souhaite|veux|desire) plus (recevoir|etre contacte)/,
      ),
    ],
    es: [
      ...cues(
        5,
        "Pide la baja",
        /\b(dar|dad|den|de|darme|dadme|denme)(me)? de baja\b/,
        /^\W*baja\W*$/m,
        /\beliminar? mis datos\b/,
        /\b(quit|borr|elimin|sac)(a|ad|e|en|ar)(me|nos)\b/,
      ),
      ...cues(
        5,
        "Pide que no le escriban más",
        /\bno (me|nos) (escribais|escribas|escriban|envieis|envies|envien|contacteis|contactes|contacten|molesteis|molesten) mas\b/,
        /\bno (quiero|deseo) recibir\b/,
      ),
    ],
    it: [
      ...cues(
        5,
        "Chiede la cancellazione",
        /\bcancella(temi|mi|te|re)\b/,
        /\b(disiscriv|rimuov|togliete(mi|ci))/,
      ),
      ...cues(
        5,
        "Chiede di non essere più contattato",
        /\bnon (contattatemi|scrivetemi|mandatemi|inviatemi) piu\b/,
        /\bnon (voglio|desidero) (piu )?ricevere\b/,
      ),
    ],
    nl: [
      ...cues(
        5,
        "Vraagt om afmelding",
        /\b(afmelden|uitschrijven)\b/,
        /\bhaal (me|mij|ons)\b.{0,40}\b(van|uit) (de|jullie|uw|je) (lijst|mailinglijst|bestand)/,
        /\bverwijder (me|mij|mijn|ons)/,
      ),
      ...cues(
        5,
        "Vraagt om geen contact meer",
        /\bgeen (e-?mails|mails|berichten) meer\b/,
        /\bniet meer (mailen|contacteren|benaderen|bellen)\b/,
      ),
    ],
    pt: [
      ...cues(
        5,
        "Pede para ser removido",
        /\bdescadastr/,
        /\bremov(am|er|a|am-me)\b.{0,20}\b(meu|minha|da lista|lista)/,
        /^\W*cancelar\W*$/m,
        /\bcancelar (a )?(subscricao|inscricao|assinatura)\b/,
        /\b(tir|retir)(em|e|ar|a)-(me|nos)\b/,
      ),
      ...cues(
        5,
        "Pede para não ser contactado",
        /\bnao (quero|desejo) (mais )?receber\b/,
        /\bnao me (enviem|contactem|contatem|mandem|escrevam) mais\b/,
      ),
    ],
  },
};

/**
 * "Please don't unsubscribe me", "clicked unsubscribe by mistake": these spans are blanked out
 * before the unsubscribe cues run, so the word alone does not remove someone who wants to stay.
 */
export const KEEP_SUBSCRIBED: CategoryCues = {
  category: null,
  cues: {
    en: cues(
      0,
      "Wants to stay subscribed",
      /\b(please )?(don't|do not|dont) unsubscribe (me|us)\b/,
      /\bclicked (on )?(the )?unsubscribe( link| button)?\b.{0,60}?\b(by (mistake|accident)|accidentally)/,
    ),
    de: cues(0, "Will angemeldet bleiben", /\bnicht (ab|aus)(melden|tragen)\b/),
  },
};
