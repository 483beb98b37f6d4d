// What other features may use of follow-ups: their API shapes.
export type { Enrolment, EnrolmentDetail, Plan, Task } from './api.ts';
