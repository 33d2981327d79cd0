import { cues, type CategoryCues } from "../cues";

/**
 * A person away for a while. The "for urgent matters contact …" sentence of an absence note is
 * consumed here, so its contact does not read as a wrong-person referral.
 */
export const OUT_OF_OFFICE: CategoryCues = {
  category: "out_of_office",
  cues: {
    en: [
      ...cues(
        3,
        "Away from the office",
        /\bout of (the )?office\b/,
        /\bon (annual |parental |maternity |paternity |sick |medical |study )?(leave|holiday|vacation|pto|sabbatical)\b/,
        /\b(limited|no) access to (my )?e-?mail\b/,
        /\b(i'm|i am|currently) (away|travell?ing|out sick|off sick)\b/,
        /\bback (in the office )?on\b/,
        /\b(upon|on) my return\b/,
        /\bwhen i (return|get back|am back|'m back)\b/,
      ),
      ...cues(
        1.5,
        "Names a stand-in during an absence",
        /\b(for (urgent|immediate) (matters|issues|requests|enquiries|inquiries)|in my absence|if (it is|it's) urgent)\b[^.\n]*/,
      ),
    ],
    de: [
      ...cues(
        3,
        "Abwesend",
        /\bnicht im (buro|haus)\b/,
        /\b(im |in )(urlaub|elternzeit|mutterschutz)\b/,
        /\babwesen(d|heit)\b/,
        /\bwieder (im buro|erreichbar|da|zuruck)\b/,
      ),
      ...cues(1.5, "Vertretung während der Abwesenheit", /\bin dringenden fallen\b[^.\n]*/),
    ],
    fr: [
      ...cues(
        3,
        "Absent du bureau",
        /\babsente?s?\b/,
        /\ben (conges?|vacances)\b/,
        /\bde retour le\b/,
      ),
      ...cues(1.5, "Contact pendant l'absence", /\bpour toute urgence\b[^.\n]*/),
    ],
    es: [
      ...cues(
        3,
        "Fuera de la oficina",
        /\bfuera de la oficina\b/,
        /\bde vacaciones\b/,
        /\b(estare|estoy) de baja\b/,
        /\bvolvere el\b/,
      ),
      ...cues(1.5, "Contacto durante la ausencia", /\bpara asuntos urgentes\b[^.\n]*/),
    ],
    it: [
      ...cues(
        3,
        "Fuori ufficio",
        /\bassente\b/,
        /\bfuori (ufficio|sede)\b/,
        /\bin (ferie|vacanza|maternita)\b/,
      ),
      ...cues(1.5, "Contatto durante l'assenza", /\bper urgenze\b[^.\n]*/),
    ],
    nl: cues(3, "Afwezig", /\bafwezig\b/, /\b(met|op) vakantie\b/, /\bweer aanwezig\b/),
    pt: [
      ...cues(3, "Ausente do escritório", /\bausente\b/, /\bde ferias\b/, /\bregresso\b/),
      ...cues(1.5, "Contacto durante a ausência", /\bpara assuntos urgentes\b[^.\n]*/),
    ],
  },
};
