import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/next-auth-options";

// Auth.js's own endpoints (sign in, sign out, CSRF, session) for the browser.
const handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) =>
  NextAuth(authOptions())(req, ctx);

export { handler as GET, handler as POST };
