import { z } from 'zod';
import { CsatSetting } from './csat';

/** Admin bots API shapes (GET/POST /api/admin/bots, GET/PATCH /api/admin/bots/:id). */

/**
 * An origin as browsers send it: scheme and host lower-case, the scheme's default port dropped
 * (`HTTP://Shop.Example:80` → `http://shop.example`), as the WHATWG URL parser serialises it. Anything
 * that does not parse is kept as is (and so matches nothing but itself).
 */
export function normalizeOrigin(origin: string): string {
  if (origin === '*') return origin;
  try {
    const { origin: normal } = new URL(origin);
    return normal === 'null' ? origin : normal;
  } catch {
    return origin;
  }
}

/** An allowed embedding origin (`https://example.com`, or `*`), stored normalised. */
export const AllowedOrigin = z
  .string()
  .max(300)
  .refine((value) => value === '*' || /^https?:\/\/[^/\s]+$/.test(value), 'an origin like https://example.com, or *')
  .transform(normalizeOrigin);

/** The widget's look and texts; fields the dashboard does not know yet are kept. */
export const BotSettings = z.looseObject({
  theme: z
    .object({
      primaryColor: z
        .string()
        .regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #4f46e5')
        .optional(),
      position: z.enum(['left', 'right']).optional(),
    })
    .optional(),
  strings: z.record(z.string().max(100), z.string().max(1000)).optional(),
  /** After a resolution the widget asks for a rating: `off`, `stars` (1–5, the default) or `thumbs`. */
  csat: CsatSetting.optional(),
});
export type BotSettings = z.infer<typeof BotSettings>;

export const Bot = z.object({
  id: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  allowedOrigins: z.array(z.string()),
  settings: BotSettings,
  /** The flow the bot runs (null: none live yet). */
  flowId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Bot = z.infer<typeof Bot>;

export const BotsAnswer = z.object({ bots: z.array(Bot) });
export const BotAnswer = z.object({ bot: Bot });

export const CreateBotRequest = z.object({
  name: z.string().trim().min(1).max(200),
  allowedOrigins: z.array(AllowedOrigin).max(50).optional(),
});
export type CreateBotRequest = z.input<typeof CreateBotRequest>;

/** Settings merge into the stored ones (theme and strings key by key). */
export const PatchBotRequest = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  allowedOrigins: z.array(AllowedOrigin).max(50).optional(),
  settings: BotSettings.optional(),
});
export type PatchBotRequest = z.input<typeof PatchBotRequest>;
