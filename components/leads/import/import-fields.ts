/** How the importer's target fields read in the mapping step (the API names them). */
const FIELD_LABELS: Record<string, string> = {
  firstName: "First name",
  lastName: "Last name",
  fullName: "Full name (split into first and last)",
  email: "Email",
  phone: "Phone",
  mobilePhone: "Mobile phone",
  company: "Company",
  jobTitle: "Job title",
  website: "Website",
  industry: "Industry",
  source: "Source",
  status: "Status",
  lostReason: "Lost reason",
  owner: "Owner (member email or name)",
  score: "Score",
  temperature: "Temperature",
  tags: "Tags",
  city: "City",
  region: "State / region",
  country: "Country",
  postalCode: "Postal code",
  latitude: "Latitude",
  longitude: "Longitude",
  timezone: "Time zone",
  doNotContact: "Do not contact",
  unsubscribed: "Unsubscribed",
  notes: "Note",
  linkedinUrl: "LinkedIn URL",
  dealValue: "Deal value (12,500.00 or $12,500)",
  dealCurrency: "Deal currency (EUR, USD, …)",
  expectedCloseDate: "Expected close date",
};

/** Fields several columns may feed (their values are combined); every other field takes one. */
export const MULTI_COLUMN_FIELDS = new Set(["notes", "tags"]);

export function importFieldLabel(field: string, customLabels: Map<string, string>): string {
  if (field.startsWith("custom.")) return customLabels.get(field.slice(7)) ?? field.slice(7);
  return FIELD_LABELS[field] ?? field;
}

export const IMPORT_MODE_CHOICES = [
  {
    value: "upsert",
    label: "Update the existing lead",
    hint: "Rows with new emails create leads.",
  },
  {
    value: "create",
    label: "Skip the row",
    hint: "Only new leads are created; existing ones stay as they are.",
  },
  {
    value: "update",
    label: "Update the existing lead, skip new emails",
    hint: "No new leads are created.",
  },
] as const;
