import fs from "node:fs";

/**
 * PGlite has no locking of its own: two processes on one data directory silently lose writes.
 * A pid file next to the directory turns that into a clear error (e.g. `npm run db:seed` while
 * `npm run dev` is running). A lock left by a dead process is taken over.
 */
const held = new Set<string>();

function lockPath(dir: string) {
  return `${dir}.lock`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export class DatabaseLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The embedded database at ${dir} is in use by another process (pid ${pid}). ` +
        "Stop it first (e.g. the running `npm run dev`), or point PGLITE_DIR elsewhere.",
    );
    this.name = "DatabaseLockedError";
  }
}

export function acquirePgliteLock(dir: string): void {
  const file = lockPath(dir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      held.add(dir);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number.parseInt(fs.readFileSync(file, "utf8"), 10);
      if (pid === process.pid) {
        held.add(dir);
        return;
      }
      if (Number.isFinite(pid) && isAlive(pid)) throw new DatabaseLockedError(dir, pid);
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database at ${dir}.`);
}

export function releasePgliteLock(dir: string): void {
  if (!held.delete(dir)) return;
  try {
    const pid = Number.parseInt(fs.readFileSync(lockPath(dir), "utf8"), 10);
    if (pid === process.pid) fs.rmSync(lockPath(dir), { force: true });
  } catch {
    // Already gone.
  }
}

process.once("exit", () => {
  for (const dir of held) releasePgliteLock(dir);
});
