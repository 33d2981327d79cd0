import { purgeExpiredRecordsFn } from "./purge-expired-records";
import { sendEmailFn } from "./send-email";
import { sendPasswordResetFn } from "./send-password-reset";

/** Every Inngest function, served at /api/inngest and run by the embedded engine alike. */
export const functions = [purgeExpiredRecordsFn, sendEmailFn, sendPasswordResetFn];
