import { z } from '@hono/zod-openapi';

/** OpenAPI pieces shared by route files. */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.unknown().describe('Structured detail (e.g. zod issues) or null'),
    }),
  })
  .openapi('Error');

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorBody } },
});

export const errors = {
  400: errorResponse('Invalid input'),
  401: errorResponse('Not signed in'),
  403: errorResponse('Not allowed'),
  404: errorResponse('Not found'),
  409: errorResponse('Conflict'),
  413: errorResponse('Body too large'),
  422: errorResponse('Not processable'),
  429: errorResponse('Too many requests'),
} as const;

export const jsonBody = <T extends z.ZodType>(schema: T, description = 'JSON body') => ({
  required: true,
  description,
  content: { 'application/json': { schema } },
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const IdParam = z.object({ id: z.string().min(1).max(100) });

/** A web address (http or https only: never javascript:, data: or the like). */
export function isWebUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** A person's picture: an http(s) URL, or null (or '') to remove it. */
export const AvatarUrlInput = z
  .string()
  .trim()
  .max(2_000)
  .refine((url) => url === '' || isWebUrl(url), 'The avatar must be an http:// or https:// address')
  .transform((url) => url || null)
  .nullable()
  .openapi({ description: 'http(s) URL of the picture; null or "" removes it', example: 'https://example.com/me.png' });
