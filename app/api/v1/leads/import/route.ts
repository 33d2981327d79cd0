import { importFromRequest } from "@/lib/leads/import/start-import";
import { importOptionsSchema, importSchema } from "@/lib/leads/import/import-schemas";
import { accepted } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// POST /api/v1/leads/import — upload a CSV (raw text/csv or multipart); imported in the background
export const POST = route(
  {
    summary: "Import leads from CSV",
    description:
      "Answers 202 with the import at once; follow it at GET /imports/{id}. Options go in the query string, or as form fields before the file in multipart/form-data. Rows are matched on email: re-importing a file never creates duplicates.",
    tags: ["Imports"],
    auth: "leads:import",
    query: importOptionsSchema,
    rawBody: {
      contentTypes: ["text/csv", "multipart/form-data"],
      description: "The CSV file (UTF-8, UTF-16 or Windows-1252; comma, semicolon, tab or pipe)",
    },
    responses: {
      202: { description: "Queued", schema: importSchema },
      400: { description: "The file can't be imported (empty, header only, unreadable, …)" },
      413: { description: "The file is too large" },
    },
  },
  async ({ ctx, req }) => accepted(await importFromRequest(ctx, req)),
);
