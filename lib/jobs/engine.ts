import { env } from "@/lib/env";

/**
 * Where background jobs run. With nothing configured Leadline runs them itself, in process
 * ("embedded"); with INNGEST_DEV a local Inngest dev server; with an event key Inngest Cloud or a
 * self-hosted Inngest at INNGEST_BASE_URL.
 */
export type JobEngineMode = "embedded" | "inngest-dev" | "inngest";

export const DEFAULT_DEV_SERVER_URL = "http://127.0.0.1:8288";

export function jobEngineMode(): JobEngineMode {
  if (env.INNGEST_DEV && !["0", "false"].includes(env.INNGEST_DEV)) return "inngest-dev";
  if (env.INNGEST_EVENT_KEY) return "inngest";
  return "embedded";
}

/** The Inngest URL events go to, when an Inngest server is in use. */
export function inngestBaseUrl(): string | undefined {
  const mode = jobEngineMode();
  if (mode === "embedded") return undefined;
  if (env.INNGEST_BASE_URL) return env.INNGEST_BASE_URL;
  if (mode === "inngest-dev") {
    return env.INNGEST_DEV && /^https?:\/\//.test(env.INNGEST_DEV)
      ? env.INNGEST_DEV
      : DEFAULT_DEV_SERVER_URL;
  }
  return undefined;
}

let probeCache: { at: number; reachable: boolean } | undefined;

/** Can the job engine be reached right now? Cached briefly so health checks stay cheap. */
export async function probeJobEngine(timeoutMs = 1500): Promise<boolean> {
  const mode = jobEngineMode();
  if (mode === "embedded") return true;
  if (probeCache && Date.now() - probeCache.at < 15_000) return probeCache.reachable;
  const base = inngestBaseUrl() ?? "https://inn.gs";
  let reachable = false;
  try {
    const res = await fetch(base, { signal: AbortSignal.timeout(timeoutMs), redirect: "manual" });
    reachable = res.status > 0;
    await res.body?.cancel();
  } catch {
    reachable = false;
  }
  probeCache = { at: Date.now(), reachable };
  return reachable;
}
