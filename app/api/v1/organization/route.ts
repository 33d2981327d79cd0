import {
  getOrganization,
  organizationSchema,
  updateOrganization,
  updateOrganizationInput,
} from "@/lib/organizations/organization";
import { route } from "@/lib/http/route";

// GET /api/v1/organization — the caller's organization
export const GET = route(
  {
    summary: "Get my organization",
    tags: ["Organization"],
    auth: "organization:read",
    responses: { 200: { description: "The organization", schema: organizationSchema } },
  },
  ({ ctx }) => getOrganization(ctx),
);

// PATCH /api/v1/organization — rename it
export const PATCH = route(
  {
    summary: "Update my organization",
    tags: ["Organization"],
    auth: "organization:write",
    body: updateOrganizationInput,
    responses: { 200: { description: "Updated", schema: organizationSchema } },
  },
  ({ ctx, body }) => updateOrganization(ctx, body),
);
