// No imports: the rule editor (a client component) reads this list too.

/** Lead fields a rule may test; custom fields are named `custom.<key>`. */
export const RULE_LEAD_FIELDS = [
  "firstName",
  "lastName",
  "email",
  "phone",
  "company",
  "jobTitle",
  "website",
  "domain",
  "industry",
  "source",
  "status",
  "ownerId",
  "score",
  "temperature",
  "tags",
  "city",
  "region",
  "country",
  "postalCode",
  "timezone",
] as const;
