import { sql } from "drizzle-orm";
import { customType, timestamp, uuid } from "drizzle-orm/pg-core";
import { newId } from "../../lib/crypto/ids";

/** UUIDv7 primary key generated in TypeScript (time-ordered, so inserts append to the index). */
export const idColumn = () =>
  uuid("id")
    .primaryKey()
    .$defaultFn(() => newId());

export const tsz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * The current time to the millisecond, as a column default. PostgreSQL's now() has microseconds,
 * JavaScript dates only milliseconds: a list cursor made from a row's timestamp would fall between
 * microsecond values and skip or repeat rows. Stored timestamps are therefore milliseconds only.
 */
export const nowMs = sql`date_trunc('milliseconds', now())`;

/** A timestamp column defaulting to the current time (to the millisecond, see nowMs). */
export const tszNow = (name: string) => tsz(name).notNull().default(nowMs);

export const timestamps = () => ({
  createdAt: tszNow("created_at"),
  updatedAt: tszNow("updated_at").$onUpdateFn(() => new Date()),
});

/** Binary content (PGlite hands back a Uint8Array, postgres-js a Buffer: both become a Buffer). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});
