import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { acquirePgliteLock, DatabaseLockedError, releasePgliteLock } from "./pglite-lock";

describe("PGlite directory lock", () => {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "leadline-lock-")), "pglite");

  it("refuses a directory held by another live process", () => {
    // pid 1 is always alive: stands in for a running dev server.
    fs.writeFileSync(`${dir}.lock`, "1");
    expect(() => acquirePgliteLock(dir)).toThrow(DatabaseLockedError);
  });

  it("takes over a lock left by a dead process, and releases it", () => {
    const dead = spawnSync(process.execPath, [
      "-e",
      "process.stdout.write(String(process.pid))",
    ]).stdout.toString();
    fs.writeFileSync(`${dir}.lock`, dead);
    acquirePgliteLock(dir);
    expect(fs.readFileSync(`${dir}.lock`, "utf8")).toBe(String(process.pid));
    releasePgliteLock(dir);
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });
});
