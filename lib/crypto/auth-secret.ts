import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env, type Env } from "@/lib/env";

export class MissingAuthSecretError extends Error {
  constructor() {
    super(
      "AUTH_SECRET is not set. Leadline refuses to start in production without it: every session, " +
        "token, tracking link and stored credential is keyed from it. Generate one with " +
        "`openssl rand -base64 48` and set AUTH_SECRET in the environment.",
    );
    this.name = "MissingAuthSecretError";
  }
}

let cached: string | undefined;

/**
 * The single root secret. Production must provide AUTH_SECRET; development and tests get a random
 * one generated once and kept in the data directory, so a fresh clone needs no .env and sessions
 * survive restarts.
 */
export function getAuthSecret(config: Env = env): string {
  if (config.AUTH_SECRET) return config.AUTH_SECRET;
  if (config === env && cached) return cached;
  if (config.isProduction) throw new MissingAuthSecretError();
  const file = path.join(config.dataDir, "auth-secret");
  let secret: string;
  try {
    secret = fs.readFileSync(file, "utf8").trim();
  } catch {
    secret = "";
  }
  if (secret.length < 32) {
    secret = randomBytes(48).toString("base64url");
    fs.mkdirSync(config.dataDir, { recursive: true });
    // wx: if another process won the race, keep theirs so both agree on one secret.
    try {
      fs.writeFileSync(file, secret + "\n", { mode: 0o600, flag: "wx" });
    } catch {
      secret = fs.readFileSync(file, "utf8").trim();
    }
  }
  if (config === env) cached = secret;
  return secret;
}
