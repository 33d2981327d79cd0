import { NextResponse, type NextRequest } from "next/server";
import { decodeSession, readSessionCookie } from "@/lib/auth/session-cookie";

/**
 * Pages behind sign-in redirect to /login without a valid session cookie. This only checks the
 * cookie's signature and expiry; the page itself re-checks the membership and session version
 * against the database, as every API call does.
 */
const PUBLIC_PAGES = [
  "/login",
  "/signup",
  "/forgot-password",
  "/reset-password",
  "/accept-invitation",
  // Email recipients: tracking pixel and links, the unsubscribe page. No account involved.
  "/t",
  "/unsubscribe",
];

/** An RFC 8058 one-click POST lands on the unsubscribe page's URL; its route handler answers it. */
function oneClickUnsubscribe(req: NextRequest): NextResponse | undefined {
  const match = /^\/unsubscribe\/([^/]+)\/?$/.exec(req.nextUrl.pathname);
  // The page's own form posts are server actions (they carry Next-Action) and stay with the page.
  if (!match || req.method !== "POST" || req.headers.has("next-action")) return undefined;
  return NextResponse.rewrite(new URL(`/unsubscribe/${match[1]}/one-click`, req.url));
}

export async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  const oneClick = oneClickUnsubscribe(req);
  if (oneClick) return oneClick;
  if (PUBLIC_PAGES.some((p) => pathname === p || pathname.startsWith(`${p}/`)))
    return NextResponse.next();
  const claims = await decodeSession(readSessionCookie(req.headers.get("cookie")));
  if (claims) return NextResponse.next();
  const login = new URL("/login", req.url);
  if (pathname !== "/") login.searchParams.set("callbackUrl", pathname + search);
  return NextResponse.redirect(login);
}

export const config = {
  // Everything except the API (which answers 401 itself), Next's assets and static files.
  matcher: ["/((?!api/|_next/|favicon\\.ico|.*\\.(?:png|jpg|jpeg|svg|ico|webp|txt|css|js)$).*)"],
};
