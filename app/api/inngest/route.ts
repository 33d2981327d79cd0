import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";

// The Inngest endpoint: an Inngest server (dev server, Cloud or self-hosted) syncs and calls the
// functions here. In embedded mode nothing calls it; the same functions run in process.
export const { GET, POST, PUT } = serve({ client: inngest, functions });
