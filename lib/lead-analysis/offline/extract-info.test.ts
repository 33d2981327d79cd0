import { describe, expect, it } from "vitest";
import { extractInfoOffline, signatureBlock } from "./extract-info";

const value = (text: string, options?: { defaultCountry?: string }) => {
  const fields = extractInfoOffline(text, options);
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.value]));
};

describe("extractInfoOffline (signature parsing)", () => {
  it("reads a German signature after the sign-off: desk phone in E.164, title | company, address", () => {
    const text = `Hallo Tom, passt gut, lassen Sie uns nächste Woche sprechen.

Mit freundlichen Grüßen
Anna Schmidt
Leiterin Einkauf | Müller Logistik GmbH
Hauptstraße 5
10115 Berlin
Tel.: +49 30 1234567
Mobil: 0171 2345678
anna.schmidt@mueller-logistik.de
www.mueller-logistik.de`;
    expect(value(text)).toEqual({
      name: "Anna Schmidt",
      title: "Leiterin Einkauf",
      company: "Müller Logistik GmbH",
      email: "anna.schmidt@mueller-logistik.de",
      phone: "+49301234567",
      website: "https://www.mueller-logistik.de",
      linkedin: null,
      address: "Hauptstraße 5, 10115 Berlin",
    });
    const fields = extractInfoOffline(text);
    expect(fields.name.confidence).toBeGreaterThanOrEqual(0.9);
    expect(fields.linkedin.confidence).toBe(0);
  });

  it("reads a French signature: a national number by the domain's country, a bare LinkedIn path", () => {
    const text = `Merci, je reviens vers vous.

Cordialement,
Jean-Luc Dubois
Directeur commercial
Dupont Industries SAS
12 rue de la Paix, 75002 Paris
Tél : 01 42 68 53 00
jl.dubois@dupont-industries.fr
linkedin.com/in/jldubois`;
    expect(value(text)).toMatchObject({
      name: "Jean-Luc Dubois",
      title: "Directeur commercial",
      company: "Dupont Industries SAS",
      phone: "+33142685300",
      linkedin: "https://www.linkedin.com/in/jldubois",
      address: "12 rue de la Paix, 75002 Paris",
      website: "https://dupont-industries.fr",
    });
    // The website was only inferred from the email's domain: said so by a low confidence.
    expect(extractInfoOffline(text).website.confidence).toBeLessThan(0.5);
  });

  it("reads an American signature: apostrophe names, 'VP at Company', a US number guessed honestly", () => {
    const text = `Thanks,
Sarah O'Connor
VP of Operations at Initech
M: (415) 555-0134
sarah@initech.com | https://initech.com
https://www.linkedin.com/in/sarah-oconnor-42/`;
    const fields = extractInfoOffline(text);
    expect(value(text)).toMatchObject({
      name: "Sarah O'Connor",
      title: "VP of Operations",
      company: "Initech",
      email: "sarah@initech.com",
      phone: "+14155550134",
      website: "https://initech.com",
      linkedin: "https://www.linkedin.com/in/sarah-oconnor-42/",
    });
    // No country anywhere: the number was read as North American, and the confidence says so.
    expect(fields.phone.confidence).toBeLessThanOrEqual(0.5);
    expect(extractInfoOffline(text, { defaultCountry: "US" }).phone.confidence).toBeGreaterThan(
      0.5,
    );
  });

  it("reads Spanish, Italian and Dutch signatures", () => {
    expect(
      value(`Un saludo,
María García López
Gerente de Compras
Logística Ibérica S.L.
Calle de Alcalá 42, 28014 Madrid
Tel. 912 345 678
maria.garcia@logistica-iberica.es`),
    ).toMatchObject({
      name: "María García López",
      title: "Gerente de Compras",
      company: "Logística Ibérica S.L.",
      phone: "+34912345678",
      address: "Calle de Alcalá 42, 28014 Madrid",
    });
    expect(
      value(`Cordiali saluti
Marco Rossi
Responsabile Acquisti - Rossi Meccanica S.r.l.
Via Roma 10, 20121 Milano
+39 02 1234 5678
m.rossi@rossimeccanica.it`),
    ).toMatchObject({
      name: "Marco Rossi",
      title: "Responsabile Acquisti",
      company: "Rossi Meccanica S.r.l.",
      phone: "+390212345678",
      address: "Via Roma 10, 20121 Milano",
    });
    expect(
      value(`Met vriendelijke groet,
Pieter van den Berg
Inkoper
Berg Techniek B.V.
Keizersgracht 100, 1015 AA Amsterdam
T +31 20 123 4567
pieter@bergtechniek.nl`),
    ).toMatchObject({
      name: "Pieter van den Berg",
      title: "Inkoper",
      company: "Berg Techniek B.V.",
      phone: "+31201234567",
      address: "Keizersgracht 100, 1015 AA Amsterdam",
    });
  });

  it("skips fax lines and prefers the desk number of a British signature", () => {
    const text = `Best regards
James Whitfield
Head of Procurement
Whitfield & Sons Ltd
10 Downing Street, London SW1A 2AA
Fax: 020 7946 0959
Tel: 020 7946 0958
james.whitfield@whitfieldsons.co.uk`;
    expect(value(text)).toMatchObject({
      name: "James Whitfield",
      company: "Whitfield & Sons Ltd",
      phone: "+442079460958",
      address: "10 Downing Street, London SW1A 2AA",
    });
  });

  it("finds nothing in a text without contact details, and guesses a name from the mailbox only weakly", () => {
    const empty = extractInfoOffline("Sounds great, talk soon!");
    expect(Object.values(empty).every((f) => f.value === null && f.confidence === 0)).toBe(true);
    const onlyMail = extractInfoOffline("reach me at lena.berg@acme.se");
    expect(onlyMail.name).toEqual({ value: "Lena Berg", confidence: 0.4 });
    expect(onlyMail.company.value).toBe("Acme");
  });

  it("ignores prose lines too long to be part of a signature", () => {
    const fields = extractInfoOffline(
      `${"see www.example.com ".repeat(100)}\nThanks,\nBo Lind\nbo@lind.se`,
    );
    expect(fields.website.value).toBe("https://lind.se");
    expect(fields.name.value).toBe("Bo Lind");
    expect(extractInfoOffline("a@" + "a.".repeat(9_000)).email.value).toBeNull();
  });

  it("takes the signature after the last sign-off and ignores quoted history markers", () => {
    expect(signatureBlock("Hi\n\nThanks,\n> Anna\n> CEO")).toEqual(["Anna", "CEO"]);
  });
});
