import { env } from "./env";

/** Structured logging: JSON lines in production (for collectors), readable lines otherwise. */
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
type Level = Exclude<keyof typeof LEVELS, "silent">;

function write(level: Level, message: string, fields: Record<string, unknown> = {}) {
  if (LEVELS[level] < LEVELS[env.LOG_LEVEL]) return;
  const out = level === "error" || level === "warn" ? process.stderr : process.stdout;
  if (env.isProduction) {
    out.write(JSON.stringify({ level, time: new Date().toISOString(), message, ...fields }) + "\n");
    return;
  }
  const extras = Object.entries(fields)
    .map(([k, v]) => `${k}=${v instanceof Error ? (v.stack ?? v.message) : JSON.stringify(v)}`)
    .join(" ");
  out.write(`[leadline] ${level} ${message}${extras ? " " + extras : ""}\n`);
}

export const log = {
  debug: (message: string, fields?: Record<string, unknown>) => write("debug", message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write("info", message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write("warn", message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write("error", message, fields),
};
