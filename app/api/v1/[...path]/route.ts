import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";

// Any /api/v1 path no route matches: a problem+json 404 instead of Next's HTML page.
const notFound = route(
  {
    summary: "Unknown API path",
    tags: ["System"],
    auth: "public",
    hidden: true,
    responses: { 404: { description: "No such endpoint" } },
  },
  ({ req }) => {
    throw new AppError("not_found", `No endpoint ${req.method} ${new URL(req.url).pathname}`);
  },
);

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
