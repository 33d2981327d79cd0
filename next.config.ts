import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // `next dev` serves its scripts to localhost only; tests and local tools often use the IP.
  allowedDevOrigins: ["127.0.0.1"],
  // Loaded from node_modules at run time rather than bundled: PGlite reads its WASM and data
  // files from its package directory, and the database drivers hold process-wide state.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "@node-rs/argon2"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
