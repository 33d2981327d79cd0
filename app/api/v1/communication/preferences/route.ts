import {
  communicationPreferencesSchema,
  getPreferencesQuery,
  leadPreferencesInput,
  updatePreferencesInput,
} from "@/lib/communication/preference-schemas";
import {
  getPreferences,
  setLeadPreferences,
  updatePreferences,
} from "@/lib/communication/preferences";
import { created, ok } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

const responses = (status: number, description: string) => ({
  [status]: { description, schema: communicationPreferencesSchema },
});

// GET /api/v1/communication/preferences — the organization's defaults (and a lead's, with ?leadId=)
export const GET = route(
  {
    summary: "Communication preferences",
    description:
      "The organization's defaults; with leadId also the lead's consent, preferred channel and " +
      "addresses, and per channel whether a message can be sent now and why not.",
    tags: ["Communication"],
    auth: "leads:read",
    query: getPreferencesQuery,
    responses: responses(200, "The preferences"),
  },
  ({ ctx, query }) => getPreferences(ctx, query),
);

// POST /api/v1/communication/preferences — set a lead's preferences (created the first time)
export const POST = route(
  {
    summary: "Set a lead's communication preferences",
    tags: ["Communication"],
    auth: "leads:write",
    body: leadPreferencesInput,
    responses: { ...responses(201, "Created"), ...responses(200, "Updated") },
  },
  async ({ ctx, body }) => {
    const { preferences, created: isNew } = await setLeadPreferences(ctx, body);
    return isNew ? created(preferences) : ok(preferences);
  },
);

// PUT /api/v1/communication/preferences — the organization's defaults (admins), or a lead's with leadId
export const PUT = route(
  {
    summary: "Update communication preferences",
    description:
      "Without leadId: the organization's defaults (enabled channels, preferred channel, assumed " +
      "consent; owners and admins). With leadId: that lead's. Fields left out stay as they are.",
    tags: ["Communication"],
    auth: "leads:write",
    body: updatePreferencesInput,
    responses: responses(200, "The preferences"),
  },
  ({ ctx, body }) => updatePreferences(ctx, body),
);
