import { z } from 'zod';
import { toSafeHref } from '../links/to-safe-href';

const slug = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, { error: 'must be lowercase letters, digits, ".", "_" or "-" (at most 80)' });
const text = z.string().trim().min(1, { error: 'must not be empty' });
const day = z.iso.date({ error: 'expected a date, YYYY-MM-DD' });
const listOf = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1)]).transform((value) => (Array.isArray(value) ? value : [value]) as z.output<T>[]);

/** What "done" means for a service: these checks pass (or are exempt), or the service reached this level. */
export const ZCampaignGoal = z
  .strictObject({ checks: listOf(slug).optional(), level: slug.optional() })
  .superRefine((goal, ctx) => {
    if ((goal.checks === undefined) === (goal.level === undefined)) ctx.addIssue({ code: 'custom', path: [], message: 'needs exactly one of checks, level' });
  });

/** Which services the campaign is about, by their current catalog attributes (any of the listed values). */
export const ZCampaignScope = z.strictObject({
  team: listOf(text).optional(),
  tier: listOf(z.union([text, z.number()]).transform(String)).optional(),
  lifecycle: listOf(text).optional(),
  tags: listOf(text).optional(),
});

/** A campaign (an initiative): a named goal for the services in scope, with a start, a deadline and an owner. */
export const ZCampaign = z
  .strictObject({
    name: slug,
    title: text.optional(),
    goal: ZCampaignGoal,
    scope: ZCampaignScope.default({}),
    start: day,
    deadline: day,
    owner: text,
    description: text.optional(),
    // Shown as a link on the campaign page, so only http(s) is accepted.
    link: z.string().refine((url) => toSafeHref(url) !== null, { error: 'expected an http(s) URL' }).optional(),
  })
  .superRefine((campaign, ctx) => {
    if (campaign.deadline <= campaign.start) ctx.addIssue({ code: 'custom', path: ['deadline'], message: `must be after start (${campaign.start})` });
  });

export type CampaignDefinition = z.output<typeof ZCampaign>;
export type CampaignGoal = z.output<typeof ZCampaignGoal>;
export type CampaignScope = z.output<typeof ZCampaignScope>;
/** A campaign as shown: its definition with a title, and where it was defined. */
export type Campaign = CampaignDefinition & { title: string; origin: 'standards' | 'demo' | 'stored' };
