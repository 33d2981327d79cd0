import { idParams } from "@/lib/http/params";
import { noContent } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { deleteSuppression } from "@/lib/suppressions/manage-suppressions";

// DELETE /api/v1/suppressions/{id} — lift a suppression (admins)
export const DELETE = route(
  {
    summary: "Remove a suppression",
    description:
      "The address may be emailed again. Lifting an unsubscribe or complaint also clears the " +
      "leads' unsubscribed flag; stopped sequences stay stopped.",
    tags: ["Suppressions"],
    auth: "suppressions:write",
    params: idParams,
    responses: { 204: { description: "Removed" } },
  },
  async ({ ctx, params }) => {
    await deleteSuppression(ctx, params.id);
    return noContent();
  },
);
