import { idParams } from "@/lib/http/params";
import { noContent } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { getMemberOrThrow } from "@/lib/users/get-member";
import { memberSchema } from "@/lib/users/member-dto";
import { updateMember, updateMemberInput } from "@/lib/users/update-member";

// GET /api/v1/users/{id} — one member
export const GET = route(
  {
    summary: "Get a member",
    tags: ["Users"],
    auth: "users:read",
    params: idParams,
    responses: { 200: { description: "The member", schema: memberSchema } },
  },
  ({ ctx, params }) => getMemberOrThrow(ctx, params.id),
);

// PATCH /api/v1/users/{id} — change role, manager or status
export const PATCH = route(
  {
    summary: "Update a member",
    tags: ["Users"],
    auth: "users:write",
    params: idParams,
    body: updateMemberInput,
    responses: {
      200: { description: "Updated", schema: memberSchema },
      409: { description: "Would remove the last owner" },
    },
  },
  ({ ctx, params, body }) => updateMember(ctx, params.id, body),
);

// DELETE /api/v1/users/{id} — deactivate a member (their sessions and tokens stop at once)
export const DELETE = route(
  {
    summary: "Deactivate a member",
    tags: ["Users"],
    auth: "users:write",
    params: idParams,
    responses: {
      204: { description: "Deactivated" },
      409: { description: "The last owner, or yourself" },
    },
  },
  async ({ ctx, params }) => {
    await updateMember(ctx, params.id, { status: "deactivated" });
    return noContent();
  },
);
