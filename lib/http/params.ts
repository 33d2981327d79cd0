import { z } from "zod";

/** `{id}` path parameters are UUIDs; anything else can't name a record (→ 404). */
export const idParams = z.object({ id: z.uuid() });
