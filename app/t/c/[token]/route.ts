import { getDb } from "@/db/client";
import { log } from "@/lib/log";
import { recordClick } from "@/lib/tracking/record-engagement";
import { verifyClickToken } from "@/lib/tracking/tracking-tokens";
import { linkNotFoundResponse, redirectResponse } from "@/lib/tracking/tracking-responses";

// GET /t/c/{token} — tracked link: records the click, then 302 to the URL signed into the token.
// Only a genuine token redirects (never an open redirect); failing to record still redirects.
export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  try {
    const click = await recordClick(await getDb(), token, {
      userAgent: req.headers.get("user-agent"),
    });
    return click ? redirectResponse(click.url) : linkNotFoundResponse(req);
  } catch (error) {
    log.error("recording an email click failed", { error });
    const claims = verifyClickToken(token);
    return claims ? redirectResponse(claims.url) : linkNotFoundResponse(req);
  }
}
