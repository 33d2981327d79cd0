import { Inngest } from "inngest";
import { env } from "@/lib/env";
import { inngestBaseUrl, jobEngineMode } from "@/lib/jobs/engine";
import { log } from "@/lib/log";

const mode = jobEngineMode();

/**
 * The Inngest client. Functions are declared on it whatever the engine: with Inngest configured
 * they are served at /api/inngest; embedded, Leadline executes the very same functions in process.
 */
export const inngest = new Inngest({
  id: "leadline",
  isDev: mode === "inngest-dev",
  baseUrl: inngestBaseUrl(),
  eventKey: env.INNGEST_EVENT_KEY ?? (mode === "inngest" ? undefined : "local"),
  signingKey: env.INNGEST_SIGNING_KEY,
  logger: {
    info: (...args: unknown[]) => log.info(String(args[0]), { args: args.slice(1) }),
    warn: (...args: unknown[]) => log.warn(String(args[0]), { args: args.slice(1) }),
    error: (...args: unknown[]) => log.error(String(args[0]), { args: args.slice(1) }),
    debug: (...args: unknown[]) => log.debug(String(args[0]), { args: args.slice(1) }),
  },
});
