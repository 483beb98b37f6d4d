import { z } from 'zod';
import { LOCALES } from '../core/i18n.ts';
import { MARKETS } from '../outreach/outreach.vocab.ts';
import {
  CONSENT_DURATIONS,
  CONSENT_STATES,
  CONSENT_USES,
  CONSENT_VIAS,
  MATERIAL_CONNECTIONS,
  PUBLICATION_CHANNELS,
  STORY_SOURCES,
  STORY_STATUSES,
  STORY_USE_KINDS,
  USE_FLAG_REASONS,
} from './stories.vocab.ts';

export const StoryListQuery = z.object({
  status: z.enum(STORY_STATUSES).optional(),
  use: z.enum(CONSENT_USES).optional(),
  flagged: z.enum(['true', 'false']).optional(),
  q: z.string().max(200).optional(),
  patientId: z.string().uuid().optional(),
});

const UseState = z.object({ use: z.enum(CONSENT_USES), state: z.union([z.enum(CONSENT_STATES), z.literal('none')]) });

export const StoryListView = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      authorName: z.string(),
      status: z.enum(STORY_STATUSES),
      source: z.enum(STORY_SOURCES),
      locale: z.enum(LOCALES),
      createdAt: z.string(),
      materialConnection: z.enum(MATERIAL_CONNECTIONS),
      hasPhoto: z.boolean(),
      hasPatient: z.boolean(),
      consents: z.array(UseState),
      uses: z.number(),
      flaggedUses: z.number(),
    }),
  ),
});

export const FindingView = z.object({ rule: z.string(), severity: z.enum(['block', 'warn']), law: z.string(), text: z.string() });

export const StoryDetailView = z.object({
  story: z.object({
    id: z.string(),
    title: z.string(),
    body: z.string(),
    authorName: z.string(),
    status: z.enum(STORY_STATUSES),
    source: z.enum(STORY_SOURCES),
    locale: z.enum(LOCALES),
    videoUrl: z.string().nullable(),
    hasPhoto: z.boolean(),
    hasPatient: z.boolean(),
    departmentId: z.string().nullable(),
    departmentName: z.string().nullable(),
    staffId: z.string().nullable(),
    staffName: z.string().nullable(),
    materialConnection: z.enum(MATERIAL_CONNECTIONS),
    reviewNote: z.string(),
    reviewedAt: z.string().nullable(),
    reviewedByName: z.string().nullable(),
    createdAt: z.string(),
    createdByName: z.string().nullable(),
  }),
  market: z.enum(MARKETS),
  consents: z.array(
    z.object({
      id: z.string(),
      use: z.enum(CONSENT_USES),
      channels: z.array(z.string()),
      validFrom: z.string(),
      validUntil: z.string().nullable(),
      grantedVia: z.enum(CONSENT_VIAS),
      grantedAt: z.string(),
      consentText: z.string(),
      consentLocale: z.enum(LOCALES),
      revokedAt: z.string().nullable(),
      revokedVia: z.enum(CONSENT_VIAS).nullable(),
      state: z.enum(CONSENT_STATES),
    }),
  ),
  uses: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(STORY_USE_KINDS),
      refId: z.string().nullable(),
      use: z.enum(CONSENT_USES),
      channel: z.string(),
      label: z.string(),
      ownerName: z.string().nullable(),
      createdAt: z.string(),
      flaggedAt: z.string().nullable(),
      flagReason: z.enum(USE_FLAG_REASONS).nullable(),
      takenDownAt: z.string().nullable(),
      takenDownByName: z.string().nullable(),
    }),
  ),
  compliance: z.array(z.object({ use: z.enum(CONSENT_USES), channel: z.string(), allowed: z.boolean(), findings: z.array(FindingView) })),
});

export const CreateStoryBody = z.object({
  patientId: z.string().uuid().nullable().optional(),
  authorName: z.string().max(400).default(''),
  title: z.string().max(400),
  body: z.string().max(16000),
  locale: z.enum(LOCALES),
  videoUrl: z.string().max(2000).default(''),
  departmentId: z.string().uuid().nullable().optional(),
  staffId: z.string().uuid().nullable().optional(),
  materialConnection: z.enum(MATERIAL_CONNECTIONS),
  via: z.enum(['staff_on_behalf', 'paper']),
  consents: z.array(z.object({ use: z.enum(CONSENT_USES), channels: z.array(z.enum(PUBLICATION_CHANNELS)), duration: z.enum(CONSENT_DURATIONS) })),
  /** The words the patient was read or signed, kept with each consent; made from the catalogue when empty. */
  consentNote: z.string().max(2000).default(''),
});

export const ReviewBody = z.object({ note: z.string().max(2000).default('') });

export const CheckBody = z.object({ use: z.enum(CONSENT_USES), channel: z.enum(PUBLICATION_CHANNELS), at: z.string().datetime({ offset: true }).optional(), market: z.enum(MARKETS).optional() });
export const CheckView = z.object({ allowed: z.boolean(), market: z.enum(MARKETS), findings: z.array(FindingView) });

export const RulesView = z.object({
  items: z.array(z.object({ id: z.string(), market: z.enum(MARKETS), uses: z.array(z.enum(CONSENT_USES)), effect: z.string(), claims: z.string().nullable(), law: z.string(), text: z.string() })),
});

export const RequestBody = z.object({ patientId: z.string().uuid().nullable().optional(), label: z.string().max(200).default(''), locale: z.enum(LOCALES).nullable().optional() });
export const RequestView = z.object({
  id: z.string(),
  token: z.string(),
  url: z.string(),
  label: z.string(),
  locale: z.enum(LOCALES).nullable(),
  createdAt: z.string(),
  disabledAt: z.string().nullable(),
  patientId: z.string().nullable(),
  patientName: z.string().nullable(),
  stories: z.number(),
});

export const RevokeResult = z.object({ flagged: z.number() });
