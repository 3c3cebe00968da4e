import { z } from 'zod';

/** Any response schema of the dashboard API; clients pass one to type (and, in development, check) an answer. */
export type ResponseSchema = z.ZodType;
export type ResponseOf<S extends ResponseSchema> = z.infer<S>;

/** Every failure of the dashboard API; the builder shows `message` and reads `code` and `details`. */
export const ApiErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional().describe('Structured detail (e.g. zod issues) or null'),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** Routes answering 204 (no body). */
export const NoContent = z.undefined();
/** Routes answering `{ ok: true }`. */
export const OkAnswer = z.object({ ok: z.literal(true) });

/** Where and why a response does not match its schema, in one line (first issue is enough to find the drift). */
export function responseMismatch(schema: ResponseSchema, data: unknown): string | null {
  const result = schema.safeParse(data);
  if (result.success) return null;
  const issue = result.error.issues[0];
  const at = issue?.path.length ? issue.path.join('.') : '(root)';
  return `${at}: ${issue?.message ?? 'does not match'}`;
}
