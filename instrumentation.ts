/**
 * Runs once when a Next.js server process starts. The Node-only boot (secret check, migrations,
 * demo seed, background loops) is imported dynamically so the Edge build never sees it.
 */
export async function register() {
  // Read directly (not via lib/env): Next inlines NEXT_RUNTIME at build time to drop Node code from Edge.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { bootServer } = await import("./lib/system/boot");
    await bootServer();
  }
}
