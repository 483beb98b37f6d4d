/** The reports' vocabulary (pure: the web and the database types import it). */
export const REPORT_CADENCES = ['weekly', 'monthly'] as const;
export type ReportCadence = (typeof REPORT_CADENCES)[number];

/** made: rendered and archived; sent: delivered to every recipient by SMTP; failed: sending failed (error says why). */
export const REPORT_STATUSES = ['made', 'sent', 'failed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
