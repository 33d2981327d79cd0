import type { DatabaseHandle } from "@/db/client";
import { log } from "@/lib/log";
import { LIVE_CHANNEL, liveMessageSchema, type LiveMessage } from "./live-messages";

type Listener = (message: LiveMessage) => void;

interface Subscriber {
  orgId: string;
  userId: string | null;
  listener: Listener;
}

/**
 * One LISTEN per process and database, fanned out to the open event streams in memory: a
 * thousand open tabs cost one database connection, not a thousand.
 */
class LiveHub {
  private readonly subscribers = new Set<Subscriber>();
  private listening?: Promise<void>;

  constructor(private readonly handle: DatabaseHandle) {}

  async subscribe(orgId: string, userId: string | null, listener: Listener) {
    const subscriber = { orgId, userId, listener };
    this.subscribers.add(subscriber);
    try {
      await (this.listening ??= this.listen());
    } catch (error) {
      this.subscribers.delete(subscriber);
      this.listening = undefined;
      throw error;
    }
    return () => void this.subscribers.delete(subscriber);
  }

  get size() {
    return this.subscribers.size;
  }

  private async listen() {
    // PGlite and postgres.js both take (channel, callback); postgres.js keeps its own connection.
    const client = this.handle.client as {
      listen(channel: string, callback: (payload: string) => void): PromiseLike<unknown>;
    };
    await client.listen(LIVE_CHANNEL, (payload) => this.dispatch(payload));
  }

  private dispatch(payload: string) {
    let message: LiveMessage;
    try {
      message = liveMessageSchema.parse(JSON.parse(payload));
    } catch (error) {
      log.warn("ignored a malformed live message", { error: String(error) });
      return;
    }
    for (const s of this.subscribers) {
      if (s.orgId !== message.orgId) continue;
      if (message.userId !== null && s.userId !== message.userId) continue;
      try {
        s.listener(message);
      } catch (error) {
        log.warn("a live listener failed", { error: String(error) });
      }
    }
  }
}

const hubs = new WeakMap<DatabaseHandle, LiveHub>();

export function liveHub(handle: DatabaseHandle): LiveHub {
  let hub = hubs.get(handle);
  if (!hub) hubs.set(handle, (hub = new LiveHub(handle)));
  return hub;
}
