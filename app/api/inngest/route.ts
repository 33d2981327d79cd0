import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { AppError } from "@/lib/errors";
import { jobEngineMode } from "@/lib/jobs/engine";
import { problemResponse } from "@/lib/http/problem";

// The Inngest endpoint: an Inngest server (dev server, Cloud or self-hosted) syncs and calls the
// functions here. In embedded mode nothing should call it — the same functions run in process —
// so it says so instead of failing inside the SDK.
const handlers = serve({ client: inngest, functions });

const embedded = () =>
  problemResponse(
    new AppError(
      "service_unavailable",
      "Jobs run in process on the embedded engine. Set INNGEST_DEV, or INNGEST_EVENT_KEY and " +
        "INNGEST_SIGNING_KEY, to serve functions to an Inngest server here.",
    ),
  );

type Handler = (typeof handlers)["GET"];
const pick = (handler: Handler): Handler =>
  ((...args: Parameters<Handler>) =>
    jobEngineMode() === "embedded" ? embedded() : handler(...args)) as Handler;

export const GET = pick(handlers.GET);
export const POST = pick(handlers.POST);
export const PUT = pick(handlers.PUT);
