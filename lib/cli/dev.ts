import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { childProcessEnv, env } from "../env";
import { DEFAULT_DEV_SERVER_URL } from "../jobs/engine";
import { renderIndex } from "./generate-route-index";

/**
 * `npm run dev`: refresh the route index, start the Inngest dev server when it is available,
 * then `next dev`. Without the dev server Leadline runs its jobs in process (embedded engine), so
 * the app works either way. INNGEST_DEV_SERVER=auto only uses an inngest-cli already installed;
 * =download lets npx fetch it (needs internet); =off never starts it.
 */
const children: ChildProcess[] = [];

function refreshRouteIndex() {
  const out = path.join(process.cwd(), "lib", "http", "route-index.generated.ts");
  const next = renderIndex();
  if (!fs.existsSync(out) || fs.readFileSync(out, "utf8") !== next) fs.writeFileSync(out, next);
}

async function reachable(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await res.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

async function startInngestDevServer(): Promise<string | undefined> {
  if (env.INNGEST_DEV || env.INNGEST_EVENT_KEY) return undefined; // configured by the user
  if (env.INNGEST_DEV_SERVER === "off") return undefined;
  if (await reachable(DEFAULT_DEV_SERVER_URL)) return DEFAULT_DEV_SERVER_URL;
  const args =
    env.INNGEST_DEV_SERVER === "download"
      ? ["--yes", "inngest-cli@latest", "dev"]
      : ["--no-install", "inngest-cli", "dev"];
  args.push("-u", `http://localhost:${env.PORT}/api/inngest`, "--no-discovery");
  const child = spawn("npx", args, { stdio: ["ignore", "ignore", "pipe"], env: childProcessEnv() });
  children.push(child);
  let exited = false;
  child.on("exit", () => (exited = true));
  child.on("error", () => (exited = true));
  for (let i = 0; i < 40 && !exited; i++) {
    if (await reachable(DEFAULT_DEV_SERVER_URL)) return DEFAULT_DEV_SERVER_URL;
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill();
  return undefined;
}

async function main() {
  refreshRouteIndex();
  const devServer = await startInngestDevServer();
  console.log(
    devServer
      ? `[leadline] Inngest dev server at ${devServer} — jobs run there (UI: ${devServer})`
      : "[leadline] No Inngest dev server — background jobs run in process (embedded engine). " +
          "Install inngest-cli or set INNGEST_DEV_SERVER=download to use the dev server.",
  );
  const next = spawn("npx", ["next", "dev", "-p", String(env.PORT)], {
    stdio: "inherit",
    // Next.js telemetry is off: a self-hosted CRM should not phone home unless its admin opts in.
    env: childProcessEnv({
      NEXT_TELEMETRY_DISABLED: "1",
      ...(devServer ? { INNGEST_DEV: devServer } : {}),
    }),
  });
  children.push(next);
  next.on("exit", (code) => shutdown(code ?? 0));
}

function shutdown(code: number) {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  process.exit(code);
}

process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));
void main();
