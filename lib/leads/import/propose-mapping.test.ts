import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  IMPORT_FIELDS,
  normalizeHeader,
  proposeMapping,
  type ImportField,
  type ProposedColumn,
} from "@/lib/leads/import/propose-mapping";

const CORPUS_DIR = path.resolve(process.cwd(), "..", "shared", "corpora", "crm-export-headers");
const corpusExists = fs.existsSync(CORPUS_DIR);

type Expected = Record<string, ImportField | null>;

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted && char === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (char === "," && !quoted) {
      cells.push(cell);
      cell = "";
    } else {
      cell += char;
    }
  }
  cells.push(cell);
  return cells;
}

function readHeaders(file: string): string[] {
  const firstLine = fs.readFileSync(path.join(CORPUS_DIR, file), "utf8").split(/\r?\n/)[0] ?? "";
  return splitCsvLine(firstLine);
}

function fieldsByHeader(columns: ProposedColumn[]): Map<string, ProposedColumn["field"]> {
  return new Map(columns.map((column) => [column.header, column.field]));
}

function expectNoFieldTwice(columns: ProposedColumn[]) {
  const mapped = columns.flatMap((column) => (column.field ? [column.field] : []));
  expect(mapped.length).toBeGreaterThan(0);
  expect(new Set(mapped).size).toBe(mapped.length);
}

function expectCorpusMapping(file: string, expected: Expected) {
  const headers = readHeaders(file);
  expect(headers).toEqual(expect.arrayContaining(Object.keys(expected)));
  const columns = proposeMapping(headers);
  expect(columns.map((column) => column.header)).toEqual(headers);
  expect(columns.map((column) => column.index)).toEqual(headers.map((_, index) => index));
  const actual = fieldsByHeader(columns);
  for (const [header, field] of Object.entries(expected)) {
    expect({ header, field: actual.get(header) }).toEqual({ header, field });
  }
  expectNoFieldTwice(columns);
  const found = new Set(columns.map((column) => column.field));
  const wanted = Object.values(expected).filter((field): field is ImportField => field !== null);
  expect(wanted.filter((field) => !found.has(field))).toEqual([]);
}

describe.skipIf(!corpusExists)(
  `CRM export headers corpus (${CORPUS_DIR}; skipped when absent, e.g. in a fresh clone)`,
  () => {
    it("maps HubSpot's default contacts view", () => {
      expectCorpusMapping("hubspot_contacts_default_view.header.csv", {
        "Record ID": null,
        "First Name": "firstName",
        "Last Name": "lastName",
        Email: "email",
        "Phone Number": "phone",
        "Contact owner": "owner",
        "Primary Associated Company ID": null,
        "Last Activity Date": null,
        "Lead Status": "status",
        "Marketing contact status": null,
        "Create Date": null,
        // No better company column in this view, so the association is used.
        "Associated Company": "company",
      });
    });

    it("maps HubSpot's all-properties export", () => {
      expectCorpusMapping("hubspot_contacts_all_properties.header.csv", {
        "Record ID": null,
        "First Name": "firstName",
        "Last Name": "lastName",
        Email: "email",
        "Work email": null,
        "Private e-mail address": null,
        "Email Domain": null,
        "Phone Number": "phone",
        "Mobile Phone Number": "mobilePhone",
        "Fax Number": null,
        "WhatsApp Phone Number": null,
        "Company Name": "company",
        "Associated Company": null,
        "Company size": null,
        "Job Title": "jobTitle",
        "Contact owner": "owner",
        "Owner Assigned Date": null,
        "Lead Status": "status",
        Status: null,
        "Lifecycle Stage": null,
        City: "city",
        "IP City": null,
        "State/Region": "region",
        "Country/Region": "country",
        "Postal Code": "postalCode",
        "Street Address": null,
        "Website URL": "website",
        Industry: "industry",
        "Original Source": "source",
        "Latest Source": null,
        "Time Zone": "timezone",
        "IP Timezone": null,
        "HubSpot Score": "score",
        "Lead Rating": "temperature",
        "Last NPS survey rating": null,
        "Unsubscribed from all email": "unsubscribed",
        "Opted out of email: Customer Service Communication": null,
        "Create Date": null,
        "Created by user ID": null,
        "Last Activity Date": null,
        "Associated Company IDs": null,
        // The contact's rollup of its latest deal; the exact "Close Date" beats its guess.
        "Recent Deal Amount": "dealValue",
        "Close Date": "expectedCloseDate",
        "Recent Deal Close Date": null,
        "Days To Close": null,
        "Likelihood to close": null,
        "Annual Revenue": null,
        "Total Revenue": null,
        "Event Revenue": null,
      });
    });

    it("maps Salesforce Lead API field names", () => {
      expectCorpusMapping("salesforce_lead_api_fields.header.csv", {
        Id: null,
        IsDeleted: null,
        MasterRecordId: null,
        FirstName: "firstName",
        LastName: "lastName",
        Salutation: null,
        Name: "fullName",
        Email: "email",
        Phone: "phone",
        MobilePhone: "mobilePhone",
        Fax: null,
        Company: "company",
        Title: "jobTitle",
        Status: "status",
        CleanStatus: null,
        LeadSource: "source",
        Industry: "industry",
        Street: null,
        City: "city",
        State: "region",
        PostalCode: "postalCode",
        Country: "country",
        Latitude: "latitude",
        Longitude: "longitude",
        Website: "website",
        Description: "notes",
        Rating: "temperature",
        OwnerId: null,
        IsUnreadByOwner: null,
        CreatedById: null,
        EmailBouncedReason: null,
      });
    });

    it("maps Salesforce Lead UI labels", () => {
      expectCorpusMapping("salesforce_lead_ui_labels.partial.header.csv", {
        "Full Name": "fullName",
        "Lead ID": null,
        Deleted: null,
        "Master Record ID": null,
        "First Name": "firstName",
        "Last Name": "lastName",
        Salutation: null,
        Title: "jobTitle",
        Company: "company",
        Street: null,
      });
    });

    it("maps Pipedrive's people export", () => {
      expectCorpusMapping("pipedrive_people.header.csv", {
        "Person - ID": null,
        "Person - Name": "fullName",
        "Person - First name": "firstName",
        "Person - Last name": "lastName",
        "Person - Organization": "company",
        "Person - Organization ID": null,
        "Person - Job title": "jobTitle",
        "Person - Email - Work": "email",
        "Person - Email - Home": null,
        "Person - Email - Other": null,
        "Person - Phone - Work": "phone",
        "Person - Phone - Mobile": "mobilePhone",
        "Person - Phone - Home": null,
        "Person - Labels": "tags",
        "Person - City/town/village/locality of Postal address": "city",
        "Person - State/county of Postal address": "region",
        "Person - Country of Postal address": "country",
        "Person - ZIP/Postal code of Postal address": "postalCode",
        "Person - Notes": "notes",
        "Person - Marketing status": null,
        "Person - LinkedIn": "linkedinUrl",
        "Person - Person created": null,
      });
    });

    it("maps Apollo's people export, preferring person over company columns", () => {
      expectCorpusMapping("apollo_people.header.csv", {
        "First Name": "firstName",
        "Last Name": "lastName",
        Title: "jobTitle",
        Company: "company",
        "Company Name for Emails": null,
        Email: "email",
        "Email Status": null,
        "Email Bounced": null,
        "Secondary Email": null,
        "Tertiary Email": null,
        "Work Direct Phone": "phone",
        "Mobile Phone": "mobilePhone",
        Industry: "industry",
        "Person Linkedin Url": "linkedinUrl",
        Website: "website",
        City: "city",
        State: "region",
        Country: "country",
        "Company City": null,
        "Company State": null,
        "Company Country": null,
        "Company Phone": null,
        "Company Linkedin Url": null,
        "Company Address": null,
      });
    });

    it("maps Apollo's accounts export, using company-level columns when alone", () => {
      expectCorpusMapping("apollo_accounts.header.csv", {
        "Company Name": "company",
        "Company Name for Emails": null,
        "# Employees": null,
        Industry: "industry",
        Website: "website",
        "Company Country": "country",
        "Apollo Record Id": null,
        "Subsidiary of (Organization ID)": null,
      });
    });
  },
);

function mapOne(header: string, customFields?: { key: string; label: string }[]) {
  const [column] = proposeMapping([header], customFields);
  return column?.field;
}

describe("proposeMapping", () => {
  it("recognises common generic headers", () => {
    const expected: Expected = {
      "e-mail": "email",
      "E-Mail Address": "email",
      "email address": "email",
      mail: "email",
      tel: "phone",
      telephone: "phone",
      "phone number": "phone",
      mobile: "mobilePhone",
      cell: "mobilePhone",
      organisation: "company",
      organization: "company",
      "account name": "company",
      "firm name": "company",
      position: "jobTitle",
      role: "jobTitle",
      zip: "postalCode",
      "zip code": "postalCode",
      postcode: "postalCode",
      state: "region",
      province: "region",
      tags: "tags",
      labels: "tags",
      lat: "latitude",
      lng: "longitude",
      lon: "longitude",
      long: "longitude",
      name: "fullName",
      "contact name": "fullName",
      "full name": "fullName",
      client_first_name: "firstName",
      client_last_name: "lastName",
      client_email_id: "email",
      client_mobile_no: "mobilePhone",
      firm_name: "company",
      "do not contact": "doNotContact",
      DoNotCall: "doNotContact",
      unsubscribed: "unsubscribed",
      "opted out": "unsubscribed",
      HasOptedOutOfEmail: "unsubscribed",
      notes: "notes",
      comments: "notes",
      description: "notes",
      timezone: "timezone",
      "time zone": "timezone",
      "lead source": "source",
      source: "source",
      channel: "source",
      "lead status": "status",
      status: "status",
      stage: "status",
      "lost reason": "lostReason",
      "reason for lost": "lostReason",
      owner: "owner",
      "lead owner": "owner",
      "assigned to": "owner",
      salesperson: "owner",
      score: "score",
      "lead score": "score",
      temperature: "temperature",
      rating: "temperature",
      "lead type": "temperature",
      website: "website",
      industry: "industry",
      "LinkedIn Profile URL": "linkedinUrl",
      "deal value": "dealValue",
      amount: "dealValue",
      "Deal Amount": "dealValue",
      value: "dealValue",
      "Deal - Value": "dealValue",
      currency: "dealCurrency",
      "Deal - Currency": "dealCurrency",
      CurrencyIsoCode: "dealCurrency",
      "expected close date": "expectedCloseDate",
      "Close Date": "expectedCloseDate",
      CloseDate: "expectedCloseDate",
      "Deal - Expected close date": "expectedCloseDate",
      "Annual Revenue": null,
      "Expected Revenue": null,
    };
    const actual = Object.fromEntries(Object.keys(expected).map((h) => [h, mapOne(h)]));
    expect(actual).toEqual(expected);
  });

  it("marks synonyms exact and fallback guesses likely", () => {
    expect(proposeMapping(["Email", "Associated Company", "Nickname"])).toEqual([
      { index: 0, header: "Email", field: "email", confidence: "exact" },
      { index: 1, header: "Associated Company", field: "company", confidence: "likely" },
      { index: 2, header: "Nickname", field: null, confidence: null },
    ]);
  });

  it("maps custom fields by key and by label to custom.<key>", () => {
    const customFields = [
      { key: "budget_band", label: "Budget band" },
      { key: "favouriteColour", label: "Favourite colour" },
    ];
    expect(
      proposeMapping(
        ["BUDGET BAND", "Favourite Colour", "favourite_colour", "Email"],
        customFields,
      ),
    ).toEqual([
      { index: 0, header: "BUDGET BAND", field: "custom.budget_band", confidence: "exact" },
      {
        index: 1,
        header: "Favourite Colour",
        field: "custom.favouriteColour",
        confidence: "exact",
      },
      { index: 2, header: "favourite_colour", field: null, confidence: null },
      { index: 3, header: "Email", field: "email", confidence: "exact" },
    ]);
    expect(mapOne("budget_band", customFields)).toBe("custom.budget_band");
    expect(mapOne("favouriteColour", customFields)).toBe("custom.favouriteColour");
    expect(mapOne("Budget band")).toBeNull();
  });

  it("ignores a byte-order mark on the first header", () => {
    const columns = proposeMapping(["\uFEFFFirst Name", "Last Name"]);
    expect(columns.map((column) => column.field)).toEqual(["firstName", "lastName"]);
    expect(columns[0]?.header).toBe("\uFEFFFirst Name");
    expect(normalizeHeader("\uFEFF Email ")).toBe("email");
  });

  it("gives each field to the best column and leaves the others unmapped", () => {
    // An exact synonym beats a guess even when the guess comes first.
    expect(proposeMapping(["Associated Company", "Company Name"]).map((c) => c.field)).toEqual([
      null,
      "company",
    ]);
    // Equally good: the earlier column wins.
    expect(proposeMapping(["Telephone", "Phone"]).map((c) => c.field)).toEqual(["phone", null]);
    expect(proposeMapping(["Lead Status", "Status"]).map((c) => c.field)).toEqual(["status", null]);
    // Person-level columns beat Apollo's company-level ones regardless of order.
    expect(proposeMapping(["Company City", "City"]).map((c) => c.field)).toEqual([null, "city"]);
  });

  it("never maps a secondary email column, even without a primary one", () => {
    expect(proposeMapping(["Email", "Secondary Email"]).map((c) => c.field)).toEqual([
      "email",
      null,
    ]);
    expect(mapOne("Secondary Email")).toBeNull();
    expect(mapOne("Tertiary Email")).toBeNull();
  });

  it("maps unknown headers, empty headers and source-CRM ids to null", () => {
    const headers = ["Favourite pizza", "", "   ", "Record ID", "OwnerId", "IsDeleted", "Id"];
    const columns = proposeMapping(headers);
    expect(columns).toHaveLength(headers.length);
    expect(columns.map((column) => column.field)).toEqual(headers.map(() => null));
    expect(columns.map((column) => column.confidence)).toEqual(headers.map(() => null));
  });

  it("normalizes case, diacritics, punctuation and camelCase consistently", () => {
    expect(normalizeHeader("  Código  Postal ")).toBe("codigo postal");
    expect(normalizeHeader("State/Region")).toBe("state region");
    expect(normalizeHeader("client_first_name")).toBe("client first name");
    expect(normalizeHeader("HasOptedOutOfEmail")).toBe("has opted out of email");
    expect(normalizeHeader("Person - LinkedIn")).toBe("person linkedin");
    expect(mapOne("Téléphone")).toBe("phone");
  });

  it("lists every import field exactly once", () => {
    expect(new Set(IMPORT_FIELDS).size).toBe(IMPORT_FIELDS.length);
    expect(IMPORT_FIELDS).toHaveLength(31);
  });
});
