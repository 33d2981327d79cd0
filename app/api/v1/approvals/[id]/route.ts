import {
  approvalDetailSchema,
  approvalSchema,
  editApprovalInput,
} from "@/lib/approvals/approval-schemas";
import { editApproval } from "@/lib/approvals/decide-approval";
import { getApproval } from "@/lib/approvals/get-approval";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// GET /api/v1/approvals/{id} — a held message with its edits and a rendered preview
export const GET = route(
  {
    summary: "Get an approval",
    description:
      "The held message, the original draft, every tracked edit, and a preview as the lead will see it.",
    tags: ["Approvals"],
    auth: "approvals:read",
    params: idParams,
    responses: { 200: { description: "The approval", schema: approvalDetailSchema } },
  },
  ({ ctx, params }) => getApproval(ctx, params.id),
);

// PATCH /api/v1/approvals/{id} — edit a held message (a message sent back returns to pending)
export const PATCH = route(
  {
    summary: "Edit a held message",
    description:
      "By the lead's owner or an approver; the edit is tracked (who, when, before/after). Changing the text without giving HTML drops the old HTML (the text is sent). A message sent back for changes returns to the queue as pending; a decided one is a 409.",
    tags: ["Approvals"],
    auth: "approvals:read",
    params: idParams,
    body: editApprovalInput,
    responses: { 200: { description: "The approval", schema: approvalSchema } },
  },
  ({ ctx, params, body }) => editApproval(ctx, params.id, body),
);
