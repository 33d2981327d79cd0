import { autoRespondFn } from "./auto-respond";
import { campaignFanOutFn } from "./campaign-fan-out";
import { campaignSequenceFn } from "./campaign-sequence";
import { campaignStopOnStatusFn } from "./campaign-stop-on-status";
import { classifyReplyFn } from "./classify-reply";
import { expireApprovalFn } from "./expire-approval";
import { notifyDueReminderFn } from "./notify-due-reminder";
import { processImportFn } from "./process-import";
import { purgeExpiredRecordsFn } from "./purge-expired-records";
import { decayScoresFn, rescoreOrganizationFn } from "./rescore-leads";
import { resendSoftBouncedFn } from "./resend-soft-bounced";
import { batchEmailForResendFn, sendEmailBatchFn, sendEmailFn } from "./send-email";
import { sendOnApprovalFn } from "./send-on-approval";
import { sendBulkCommunicationFn } from "./send-bulk-communication";
import { sendPasswordResetFn } from "./send-password-reset";
import { sendScheduledReportsFn } from "./send-scheduled-reports";

/** Every Inngest function, served at /api/inngest and run by the embedded engine alike. */
export const functions = [
  purgeExpiredRecordsFn,
  sendEmailFn,
  batchEmailForResendFn,
  sendEmailBatchFn,
  resendSoftBouncedFn,
  sendPasswordResetFn,
  notifyDueReminderFn,
  rescoreOrganizationFn,
  decayScoresFn,
  processImportFn,
  campaignFanOutFn,
  campaignSequenceFn,
  campaignStopOnStatusFn,
  sendBulkCommunicationFn,
  classifyReplyFn,
  sendOnApprovalFn,
  expireApprovalFn,
  autoRespondFn,
  sendScheduledReportsFn,
];
