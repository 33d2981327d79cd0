/**
 * Proposes how the columns of an uploaded CSV map onto lead fields, so an export from HubSpot,
 * Salesforce, Pipedrive or Apollo needs no hand-mapping. Pure and header-only: the import wizard
 * shows the proposal and the user confirms or corrects it.
 */

export const IMPORT_FIELDS = [
  "firstName",
  "lastName",
  "fullName",
  "email",
  "phone",
  "mobilePhone",
  "company",
  "jobTitle",
  "website",
  "industry",
  "source",
  "status",
  "lostReason",
  "owner",
  "score",
  "temperature",
  "tags",
  "city",
  "region",
  "country",
  "postalCode",
  "latitude",
  "longitude",
  "timezone",
  "doNotContact",
  "unsubscribed",
  "notes",
  "linkedinUrl",
  "dealValue",
  "dealCurrency",
  "expectedCloseDate",
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];

export interface ProposedColumn {
  index: number;
  header: string;
  field: ImportField | `custom.${string}` | null;
  confidence: "exact" | "likely" | null;
}

// In normalizeHeader() form, "|"-separated. Headers are also looked up without a leading "person"/
// "lead"/"contact"/"client" word (see PERSON_PREFIX), so "Lead Source", "Contact owner",
// Pipedrive's "Person - Notes" and "client_first_name" need no entries of their own. Apollo and
// Pipedrive call the main email and phone "work", hence those count as exact.
const SYNONYMS: Record<ImportField, string> = {
  firstName: "first name|firstname|first|given name|forename|fname",
  lastName: "last name|lastname|surname|family name|lname",
  fullName: "name|full name|fullname",
  email: "email|e mail|email address|e mail address|mail|email id|work email|email work",
  phone:
    "phone|phone number|phone no|tel|telephone|telephone number|work phone|phone work|" +
    "work direct phone|direct phone|business phone|office phone|contact number",
  mobilePhone:
    "mobile|mobile phone|mobile phone number|mobile number|mobile no|cell|cell phone|cellphone|" +
    "phone mobile",
  company:
    "company|company name|organization|organisation|organization name|organisation name|" +
    "account name|firm|firm name|business name|employer",
  jobTitle: "job title|title|position|role|designation|job position",
  website: "website|website url|web site|url|homepage",
  industry: "industry|sector|vertical",
  source: "source|original source|channel",
  status: "status|stage",
  lostReason: "lost reason|reason for lost|reason lost|loss reason",
  owner:
    "owner|owner name|assigned to|assignee|salesperson|sales person|sales rep|account owner|" +
    "record owner",
  score: "score|hubspot score",
  temperature: "temperature|rating|lead type",
  tags: "tags|tag|labels|label",
  city: "city|town|city town village locality of postal address",
  region: "state|region|province|county|state region|state province|state county of postal address",
  country: "country|country region|country of postal address",
  postalCode:
    "postal code|postcode|post code|zip|zip code|zipcode|zip postal code|" +
    "zip postal code of postal address",
  latitude: "latitude|lat",
  longitude: "longitude|lng|lon|long",
  timezone: "timezone|time zone|tz",
  doNotContact: "do not contact|do not call|dnc",
  unsubscribed:
    "unsubscribed|opted out|opt out|has opted out of email|email opt out|" +
    "unsubscribed from all email",
  notes: "notes|note|comments|comment|description|remarks",
  linkedinUrl: "linkedin|linked in|linkedin url|linkedin profile|linkedin profile url",
  // Pipedrive's "Deal - Value", Salesforce's "Amount" and "CurrencyIsoCode", our own export.
  dealValue: "deal value|deal amount|amount|value|deal size|opportunity amount|opportunity value",
  dealCurrency: "currency|deal currency|currency code|currency iso code|opportunity currency",
  expectedCloseDate:
    "expected close date|close date|expected close|closing date|expected closing date|" +
    "estimated close date|deal expected close date|deal close date|opportunity close date",
};

const SYNONYM_INDEX = new Map<string, ImportField>(
  IMPORT_FIELDS.flatMap((field) =>
    SYNONYMS[field].split("|").map((name) => [name, field] as const),
  ),
);

const PERSON_PREFIX = /^(person|lead|contact|client|customer|prospect) /;

// Keys and flags of the source CRM ("Record ID", "OwnerId", "IsDeleted") say nothing about the
// lead; rejecting them here spares every guess below from having to exclude them.
const SOURCE_METADATA = /(^| )ids?$|^is /;

// Apollo repeats address and phone at company level; those stand in for the person's only when
// the person-level column is missing, which the "likely" confidence guarantees.
const COMPANY_LEVEL = new Set<ImportField>([
  "phone",
  "website",
  "industry",
  "city",
  "region",
  "country",
  "postalCode",
  "timezone",
  "linkedinUrl",
]);

// Guesses, tried in order on headers no synonym matched. Anchored on purpose: loose keyword
// matches would turn "Marketing contact status", "Email Status" or "Last NPS survey rating" into
// lead fields.
const LIKELY: ReadonlyArray<readonly [RegExp, ImportField]> = [
  // HubSpot's association column: only when the contact's own company column is absent.
  [/^(associated|primary|parent) (company|organi[sz]ation|account)( name)?$/, "company"],
  // Further Pipedrive labels ("Email - Home"); "Secondary/Tertiary Email" are never the main one.
  [/^e ?mail (home|other|personal|private)$/, "email"],
  [/^(home|personal|private|other) e ?mail( address)?$/, "email"],
  [/^phone (home|other|main)$/, "phone"],
  [/^(home|main|other|office) (phone|telephone)( number)?$/, "phone"],
  // HubSpot's "Latest Source" yields to "Original Source", where the lead actually came from.
  [/^(latest|last|first|utm) source$/, "source"],
  [/^[a-z]+ (lead )?score$/, "score"],
  [/linked ?in/, "linkedinUrl"],
  // HubSpot's contact rollups of the latest deal, when the file has no deal columns of its own.
  [/^(recent|latest|last) deal (amount|value)$/, "dealValue"],
  [/^(recent|latest|last) deal close date$/, "expectedCloseDate"],
  [/^(unsubscribed|opted out|opt out)( of| from)?( all)?( e ?mails?)?$/, "unsubscribed"],
];

export function normalizeHeader(header: string): string {
  const trimmed = header.replace(/\uFEFF/g, "").trim();
  // Salesforce API names are single camelCase words ("LeadSource", "HasOptedOutOfEmail"); splitting
  // only those keeps brand spellings in labels ("Person - LinkedIn", "HubSpot Score") whole.
  const spaced = /\s/.test(trimmed)
    ? trimmed
    : trimmed.replace(/([a-z\d])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2");
  return spaced
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

type Match = Pick<ProposedColumn, "field" | "confidence">;

function matchColumn(key: string, custom: Map<string, string>): Match | null {
  if (!key) return null;
  const bare = key.replace(PERSON_PREFIX, "");
  // A custom field the user defined is a deliberate target, so it beats a built-in synonym.
  const customKey = custom.get(key) ?? custom.get(bare);
  if (customKey !== undefined) return { field: `custom.${customKey}`, confidence: "exact" };
  const exact = SYNONYM_INDEX.get(key) ?? SYNONYM_INDEX.get(bare);
  if (exact) return { field: exact, confidence: "exact" };
  if (SOURCE_METADATA.test(key)) return null;
  const companyLevel = SYNONYM_INDEX.get(/^company (.+)$/.exec(bare)?.[1] ?? "");
  if (companyLevel && COMPANY_LEVEL.has(companyLevel)) {
    return { field: companyLevel, confidence: "likely" };
  }
  const likely = LIKELY.find(([pattern]) => pattern.test(bare))?.[1];
  return likely ? { field: likely, confidence: "likely" } : null;
}

export function proposeMapping(
  headers: string[],
  customFields: { key: string; label: string }[] = [],
): ProposedColumn[] {
  const custom = new Map<string, string>();
  for (const { key, label } of customFields) {
    for (const name of [key, label]) {
      const normalized = normalizeHeader(name);
      if (normalized && !custom.has(normalized)) custom.set(normalized, key);
    }
  }
  const proposals: ProposedColumn[] = headers.map((header, index) => ({
    index,
    header,
    field: null,
    confidence: null,
  }));
  const candidates = headers.flatMap((header, index) => {
    const match = matchColumn(normalizeHeader(header), custom);
    return match?.field ? [{ index, header, ...match }] : [];
  });
  // Exact matches claim their field before guesses do; among equals the leftmost column wins,
  // which in every export seen is the primary one (Pipedrive's "Email - Work" before "- Home").
  candidates.sort(
    (a, b) =>
      Number(a.confidence === "likely") - Number(b.confidence === "likely") || a.index - b.index,
  );
  const taken = new Set<string>();
  for (const candidate of candidates) {
    if (candidate.field === null || taken.has(candidate.field)) continue;
    taken.add(candidate.field);
    proposals[candidate.index] = candidate;
  }
  return proposals;
}
