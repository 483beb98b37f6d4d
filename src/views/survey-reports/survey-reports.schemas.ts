import { z } from 'zod';
import { INVITATION_CHANNELS } from '../../outreach/outreach.vocab.ts';
import { COMMUNICATION_DIMENSIONS, SCORE_BANDS } from '../../surveys/surveys.vocab.ts';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date as YYYY-MM-DD' });

/** A period of whole days in the organisation's time zone, both ends included; by default the last 90 days. */
export const PeriodQuery = z.object({ from: Day.optional(), to: Day.optional() });

export const SurveyReportQuery = PeriodQuery.extend({
  surveyId: z.uuid({ message: 'surveyId must be a UUID' }).optional(),
  locationId: z.uuid({ message: 'locationId must be a UUID' }).optional(),
  departmentId: z.uuid({ message: 'departmentId must be a UUID' }).optional(),
  staffId: z.uuid({ message: 'staffId must be a UUID' }).optional(),
  interval: z.enum(['week', 'month']).default('month'),
});
export type SurveyReportFilters = z.infer<typeof SurveyReportQuery>;

const IntervalView = z.object({ low: z.number(), high: z.number() });
const NpsView = z.object({ n: z.number(), promoters: z.number(), passives: z.number(), detractors: z.number(), nps: z.number().nullable(), interval: IntervalView.nullable() });
const ShareView = z.object({ n: z.number(), positive: z.number(), share: z.number().nullable(), interval: IntervalView.nullable() });
const DimensionView = z.object({ n: z.number(), mean: z.number().nullable() });
const CommunicationRow = z.object({
  id: z.string().nullable(),
  name: z.string().nullable(),
  /** Responses that answered a communication question. */
  n: z.number(),
  dimensions: z.object(Object.fromEntries(COMMUNICATION_DIMENSIONS.map((d) => [d, DimensionView])) as Record<(typeof COMMUNICATION_DIMENSIONS)[number], typeof DimensionView>),
});

export const SurveyReportView = z.object({
  period: z.object({ from: z.string(), to: z.string(), timezone: z.string() }),
  /** Below this many answers a figure is null: "not enough answers". */
  minAnswers: z.number(),
  responses: z.number(),
  nps: NpsView,
  csat: ShareView.extend({ mean: z.number().nullable() }),
  fft: ShareView,
  communication: z.object({ byStaff: z.array(CommunicationRow), byDepartment: z.array(CommunicationRow) }),
  responseRates: z.object({
    byChannel: z.array(z.object({ channel: z.enum(INVITATION_CHANNELS), sent: z.number(), responded: z.number(), rate: z.number().nullable() })),
    sent: z.number(),
    responded: z.number(),
    rate: z.number().nullable(),
    /** Submitted responses that came through a link or QR code, not an invitation. */
    withoutInvitation: z.number(),
  }),
  trend: z.array(z.object({ start: z.string(), responses: z.number(), nps: NpsView })),
  surveys: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type SurveyReport = z.infer<typeof SurveyReportView>;

export const FairAskingView = z.object({
  period: z.object({ from: z.string(), to: z.string(), timezone: z.string() }),
  /** How many review links the organisation offers now (survey settings). */
  reviewLinksConfigured: z.number(),
  invitations: z.object({ sent: z.number(), byChannel: z.array(z.object({ channel: z.enum(INVITATION_CHANNELS), sent: z.number() })) }),
  bands: z.array(
    z.object({
      band: z.enum(SCORE_BANDS),
      responses: z.number(),
      /** Responses whose thank-you page showed the review links. */
      shownLinks: z.number(),
      /** shownLinks / responses in percent; null without responses. The same for every band, or something treats a band differently. */
      shownShare: z.number().nullable(),
      /** The average number of links shown. */
      linksPerResponse: z.number().nullable(),
    }),
  ),
  /** Whether every band with responses was shown the links in the same share and number. */
  equal: z.boolean(),
});
export type FairAsking = z.infer<typeof FairAskingView>;
