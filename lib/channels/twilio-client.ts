import twilio from "twilio";
import { env } from "@/lib/env";

type RequestOptions<T> = Parameters<twilio.RequestClient["request"]>[0] & { data?: T };

/**
 * The SDK builds absolute https://<product>.twilio.com URLs itself; with TWILIO_API_BASE_URL set
 * (tests, a proxy) this request client sends the same request to that host instead, keeping the
 * path, so the real SDK is exercised end to end against a local fake.
 */
class RedirectingRequestClient extends twilio.RequestClient {
  constructor(private readonly baseUrl: string) {
    super({ timeout: 15_000, autoRetry: false });
  }

  override request<TData>(opts: RequestOptions<TData>) {
    const original = new URL(opts.uri);
    const target = new URL(original.pathname + original.search, this.baseUrl);
    return super.request<TData>({ ...opts, uri: target.href });
  }
}

export interface TwilioCredentials {
  accountSid: string;
  authToken: string;
}

/** A Twilio client for one organization's account. */
export function twilioClient(credentials: TwilioCredentials) {
  const baseUrl = env.TWILIO_API_BASE_URL;
  return twilio(credentials.accountSid, credentials.authToken, {
    timeout: 15_000,
    ...(baseUrl ? { httpClient: new RedirectingRequestClient(baseUrl) } : {}),
  });
}
