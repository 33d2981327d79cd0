import { purgeExpiredRecordsFn } from "./purge-expired-records";

/** Every Inngest function, served at /api/inngest and run by the embedded engine alike. */
export const functions = [purgeExpiredRecordsFn];
