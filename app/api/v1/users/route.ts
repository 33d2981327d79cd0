import { listSchema } from "@/lib/http/pagination";
import { created, listResponse } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { inviteMember, inviteMemberInput } from "@/lib/users/invite-member";
import { listMembers, listMembersQuery } from "@/lib/users/list-members";
import { memberSchema } from "@/lib/users/member-dto";

// GET /api/v1/users — the organization's members
export const GET = route(
  {
    summary: "List members",
    tags: ["Users"],
    auth: "users:read",
    query: listMembersQuery,
    responses: { 200: { description: "Members", schema: listSchema(memberSchema) } },
  },
  async ({ ctx, query }) => listResponse(await listMembers(ctx, query)),
);

// POST /api/v1/users — invite someone by email
export const POST = route(
  {
    summary: "Invite a member",
    tags: ["Users"],
    auth: "users:write",
    body: inviteMemberInput,
    responses: {
      201: {
        description: "Invited (an email with the invitation link is on its way)",
        schema: memberSchema,
      },
      409: { description: "Already a member (`existingId`)" },
    },
  },
  async ({ ctx, body }) => {
    const member = await inviteMember(ctx, body);
    return created(member, `/api/v1/users/${member.id}`);
  },
);
