import { z } from "zod";
import { roleSchema } from "@/lib/auth/schemas";
import { listMyOrganizations } from "@/lib/auth/switch-organization";
import { route } from "@/lib/http/route";

const schema = z.object({
  data: z.array(
    z.object({ id: z.uuid(), name: z.string(), role: roleSchema, current: z.boolean() }),
  ),
});

// GET /api/v1/auth/organizations — the organizations the caller can switch to
export const GET = route(
  {
    summary: "My organizations",
    tags: ["Auth"],
    auth: "auth:me",
    responses: { 200: { description: "Active memberships", schema } },
  },
  async ({ ctx }) => ({ data: await listMyOrganizations(ctx) }),
);
