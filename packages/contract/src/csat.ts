import { z } from 'zod';

/** How a bot asks for satisfaction after a resolution (bot setting `csat`; unset means `stars`). */
export const CsatSetting = z.enum(['off', 'stars', 'thumbs']);
export type CsatSetting = z.infer<typeof CsatSetting>;
export const CSAT_DEFAULT: CsatSetting = 'stars';

export const CsatScale = z.enum(['stars', 'thumbs']);
export type CsatScale = z.infer<typeof CsatScale>;

/** Thumbs are stored on the same 1–5 scale: down = 1, up = 5. */
export const THUMBS_UP = 5;
export const THUMBS_DOWN = 1;
/** A rating counts as satisfied at 4 or 5 stars, or a thumbs up. */
export const isSatisfied = (score: number) => score >= 4;

export const CsatComment = z.string().trim().min(1, 'Write a comment or skip it').max(1000);

/** POST /api/public/conversations/{id}/csat: one rating per resolution (thumbs: 1 down, 5 up). */
export const CsatRatingRequest = z.object({
  score: z.number().int().min(1, 'A score from 1 to 5').max(5, 'A score from 1 to 5'),
  comment: CsatComment.optional(),
});
export type CsatRatingRequest = z.infer<typeof CsatRatingRequest>;

/** POST /api/public/conversations/{id}/csat/comment: the optional comment after the rating (once). */
export const CsatCommentRequest = z.object({ comment: CsatComment });
export type CsatCommentRequest = z.infer<typeof CsatCommentRequest>;

/** Whether the widget should ask: the conversation is resolved and its bot asks (`scale`); what was given. */
export const CsatState = z.object({
  asked: z.boolean(),
  scale: CsatScale.nullable(),
  score: z.number().int().nullable(),
  comment: z.string().nullable(),
});
export type CsatState = z.infer<typeof CsatState>;

/**
 * The visitor's latest rating of a conversation (GET /api/inbox/conversations/:id): the runtime says whether
 * it counts as satisfied, the dashboard only shows it.
 */
export const ConversationRating = z.object({
  scale: CsatScale,
  score: z.number().int(),
  satisfied: z.boolean(),
  comment: z.string().nullable(),
  /** Where the visitor rated: in the widget or from the rating email. */
  source: z.enum(['widget', 'email']).nullable(),
  ratedAt: z.string(),
  /** The resolution the rating is about. */
  resolvedAt: z.string(),
});
export type ConversationRating = z.infer<typeof ConversationRating>;

/**
 * CSAT of the resolutions in a range: `asked` resolutions had a survey, `ratings` were answered
 * (`responseRate` = ratings / asked). `satisfiedRate` = ratings of 4–5 stars or thumbs up / ratings;
 * `average` is over star ratings only (null without any).
 */
export const CsatFigures = z.object({
  asked: z.number().int(),
  ratings: z.number().int(),
  responseRate: z.number(),
  satisfied: z.number().int(),
  satisfiedRate: z.number().nullable(),
  starRatings: z.number().int(),
  average: z.number().nullable(),
});
export type CsatFigures = z.infer<typeof CsatFigures>;

/** The figures of a range with no survey at all. */
export const noCsat = (): CsatFigures => ({
  asked: 0,
  ratings: 0,
  responseRate: 0,
  satisfied: 0,
  satisfiedRate: null,
  starRatings: 0,
  average: null,
});
