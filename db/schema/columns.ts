import { timestamp, uuid } from "drizzle-orm/pg-core";
import { newId } from "../../lib/crypto/ids";

/** UUIDv7 primary key generated in TypeScript (time-ordered, so inserts append to the index). */
export const idColumn = () =>
  uuid("id")
    .primaryKey()
    .$defaultFn(() => newId());

export const timestamps = () => ({
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" })
    .notNull()
    .defaultNow()
    .$onUpdateFn(() => new Date()),
});

export const tsz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
