/**
 * Realistic-looking leads from a seeded random generator: the same seed gives the same people,
 * so demo data and benchmark data are reproducible. Used by the demo seed (a few hundred leads
 * through the domain functions) and by bench/seed.ts (a million through COPY).
 */

const FIRST = (
  "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard " +
  "Susan Joseph Jessica Thomas Sarah Carlos Karen Daniel Lisa Matthew Nancy Anthony Betty Mark " +
  "Sandra Wei Ashley Priya Kimberly Ahmed Emily Kenji Donna Lukas Michelle Sofia Carol Mateo Amanda " +
  "Olga Melissa Yusuf Deborah Ingrid Stephanie Tariq Rebecca Hana Laura Pierre Sharon Aisha Cynthia"
).split(" ");
const LAST = (
  "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez " +
  "Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris " +
  "Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill " +
  "Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Müller Schmidt " +
  "Kowalski Novak Rossi Dubois Tanaka Kim Patel Singh Okafor Haddad Larsen"
).split(" ");
const COMPANY_A = (
  "Acme Globex Initech Umbrella Stark Wayne Wonka Hooli Vandelay Soylent Cyberdyne Tyrell Aperture " +
  "Gringotts Monarch Pied Piper Oscorp Nakatomi Prestige Blue Sun Northwind Contoso Fabrikam Tailspin " +
  "Litware Proseware Adatum Alpine Fourth Coffee Woodgrove Lakeshore Summit Harbor Redwood Granite"
).split(" ");
const COMPANY_B =
  "Labs,Systems,Holdings,Realty,Partners,Group,Logistics,Health,Foods,Software,Capital,Energy,Studios,Builders,Analytics".split(
    ",",
  );
const TITLES = [
  "CEO",
  "CTO",
  "Head of Sales",
  "VP Marketing",
  "Operations Manager",
  "Office Manager",
  "Founder",
  "Procurement Lead",
  "IT Director",
  "Marketing Manager",
  "Broker",
  "Property Manager",
  "CFO",
];
const CITIES: [string, string, string][] = [
  ["Austin", "TX", "US"],
  ["Denver", "CO", "US"],
  ["Boston", "MA", "US"],
  ["Seattle", "WA", "US"],
  ["Chicago", "IL", "US"],
  ["Miami", "FL", "US"],
  ["London", "England", "GB"],
  ["Manchester", "England", "GB"],
  ["Berlin", "Berlin", "DE"],
  ["Munich", "Bavaria", "DE"],
  ["Paris", "Île-de-France", "FR"],
  ["Toronto", "ON", "CA"],
  ["Sydney", "NSW", "AU"],
  ["Dublin", "Leinster", "IE"],
  ["Madrid", "Madrid", "ES"],
];
const INDUSTRIES = [
  "real_estate",
  "software",
  "healthcare",
  "finance",
  "retail",
  "manufacturing",
  "education",
  "hospitality",
  "construction",
  "marketing",
];
const SOURCES = [
  "website",
  "referral",
  "inbound_email",
  "import",
  "api",
  "manual",
  "facebook",
  "linkedin",
  "google_maps",
  "craigslist",
  "other",
];
// A pipeline's shape: most leads are new or contacted, few get far.
const STATUSES: [string, number][] = [
  ["new", 35],
  ["contacted", 25],
  ["qualified", 14],
  ["demo", 8],
  ["proposal", 6],
  ["trial", 4],
  ["won", 4],
  ["lost", 4],
];
const TAGS = [
  "vip",
  "newsletter",
  "webinar",
  "partner",
  "enterprise",
  "smb",
  "trade-show",
  "cold-list",
  "churn-risk",
  "upsell",
];
const NOTES = [
  "Called, left a voicemail. Try again Thursday morning.",
  "Interested in the annual plan; wants a quote for 25 seats.",
  "Met at the trade show — asked about integrations with their ERP.",
  "Budget approved for Q3, decision maker is the CFO.",
  "Not ready yet; follow up after their fiscal year ends.",
  "Asked for a case study in their industry.",
];

/** mulberry32: tiny, fast, good enough for test data. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
/** One element of a list, uniformly (seeded data everywhere: demo, benchmarks, random-stream tests). */
export const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

function weighted(r: Random, list: [string, number][]): string {
  const total = list.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [value, w] of list) if ((x -= w) < 0) return value;
  return list[0]![0];
}

export interface FakeLead {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  company: string;
  jobTitle: string;
  website: string;
  industry: string;
  source: string;
  status: string;
  tags: string[];
  city: string;
  region: string;
  country: string;
  note: string | null;
}

/** The i-th fake lead; `domainTag` keeps emails unique across organizations and runs. */
export function fakeLead(r: Random, i: number, domainTag = "example"): FakeLead {
  const firstName = pick(r, FIRST);
  const lastName = pick(r, LAST);
  const company = `${pick(r, COMPANY_A)} ${pick(r, COMPANY_B)}`;
  const slug = company.toLowerCase().replace(/[^a-z]+/g, "");
  const [city, region, country] = pick(r, CITIES);
  const tagCount = Math.floor(r() * 3);
  const tags = [...new Set(Array.from({ length: tagCount }, () => pick(r, TAGS)))];
  return {
    firstName,
    lastName,
    email: `${firstName}.${lastName}.${i}@${slug}.${domainTag}.test`
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^\x20-\x7e]/g, ""),
    phone: `+1 555 ${String(1_000_000 + Math.floor(r() * 8_999_999)).slice(0, 3)} ${String(Math.floor(r() * 9999)).padStart(4, "0")}`,
    company,
    jobTitle: pick(r, TITLES),
    website: `https://www.${slug}.example`,
    industry: pick(r, INDUSTRIES),
    source: pick(r, SOURCES),
    status: weighted(r, STATUSES),
    tags,
    city,
    region,
    country,
    note: r() < 0.15 ? pick(r, NOTES) : null,
  };
}
