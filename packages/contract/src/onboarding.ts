import { z } from 'zod';

/**
 * The dashboard's first-run checklist (GET /api/admin/onboarding). Steps tick themselves from the workspace's
 * data (a flow with blocks, a published version, a widget loaded on a page, a teammate) or from marks the
 * dashboard records (previewed, embed code copied); `dismissed` hides the checklist for the whole workspace.
 */
export const ONBOARDING_STEPS = ['build', 'preview', 'publish', 'embed', 'invite'] as const;
export const OnboardingStepId = z.enum(ONBOARDING_STEPS);
export type OnboardingStepId = z.infer<typeof OnboardingStepId>;

export const OnboardingChecklist = z.object({
  steps: z.array(z.object({ id: OnboardingStepId, done: z.boolean() })),
  dismissed: z.boolean(),
});
export type OnboardingChecklist = z.infer<typeof OnboardingChecklist>;

/** Something the dashboard saw that the data cannot tell (POST /api/admin/onboarding/marks). */
export const OnboardingMark = z.enum(['previewed', 'embed_copied', 'dismissed']);
export type OnboardingMark = z.infer<typeof OnboardingMark>;
export const OnboardingMarkRequest = z.object({ mark: OnboardingMark });
export type OnboardingMarkRequest = z.infer<typeof OnboardingMarkRequest>;
