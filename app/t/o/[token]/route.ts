import { getDb } from "@/db/client";
import { log } from "@/lib/log";
import { recordOpen } from "@/lib/tracking/record-engagement";
import { pixelResponse } from "@/lib/tracking/tracking-responses";

// GET /t/o/{token} — open pixel: records the open (a forged token records nothing) and always
// answers the GIF, so a broken image never shows in anybody's mail client.
export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  try {
    await recordOpen(await getDb(), token, { userAgent: req.headers.get("user-agent") });
  } catch (error) {
    log.error("recording an email open failed", { error });
  }
  return pixelResponse();
}
