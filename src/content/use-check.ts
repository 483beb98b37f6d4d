import { badRequest, type AppError } from '../core/errors.ts';
import { renderText, type Locale } from '../core/i18n.ts';
import type { UseFinding } from '../stories/index.ts';
import { storiesMessages } from '../stories/stories.messages.ts';
import type { ConsentUse, PublicationChannel } from '../stories/stories.vocab.ts';
import { contentMessages as m } from './content.messages.ts';

/** A finding of the story-use check with its explanation rendered in the reader's language. */
export interface RenderedFinding {
  rule: string;
  severity: 'block' | 'warn';
  law: string;
  text: string;
}

/** One story that may not be used, and why. */
export interface UseRefusal {
  storyId: string;
  storyTitle: string;
  findings: RenderedFinding[];
}

export const renderFindings = (locale: Locale, findings: UseFinding[]): RenderedFinding[] =>
  findings.map((f) => ({ rule: f.rule, severity: f.severity, law: f.law, text: renderText(locale, f.text) }));

/** A story's name for people: its title, else its author, else the start of its text. */
export function storyLabel(story: { title: string; author_name: string; body: string }): string {
  if (story.title.trim()) return story.title.trim();
  if (story.author_name.trim()) return story.author_name.trim();
  const chars = [...story.body.trim()];
  return chars.length > 24 ? `${chars.slice(0, 24).join('')}…` : chars.join('');
}

/**
 * The 400 of a refused use: the message names the story, the use, the channel and every blocking
 * rule with its law (ids and laws are the same in every language); `details.refusals` carries each
 * story's findings explained in the reader's language, for the page to show.
 */
export function useRefusedError(locale: Locale, refusals: UseRefusal[], use: ConsentUse, channel: PublicationChannel): AppError {
  const first = refusals[0]!;
  const rules = refusals
    .flatMap((r) => r.findings.filter((f) => f.severity === 'block'))
    .map((f) => (f.law ? `${f.rule} (${f.law})` : f.rule))
    .join('; ');
  return badRequest(
    m.text('useBlocked', {
      story: refusals.map((r) => r.storyTitle).join('", "') || first.storyTitle,
      use: storiesMessages.text(`use.${use}`),
      channel: storiesMessages.text(`channel.${channel}`),
      rules,
    }),
    {
      refusals: refusals.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'block').concat(r.findings.filter((f) => f.severity === 'warn')) })),
    },
  );
}
