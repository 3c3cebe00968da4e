import { z } from 'zod';

/**
 * Ids of blocks, edges and intents: they become XState state ids, so no dots, hashes or spaces, and no
 * leading "__" (reserved for the engine's own states).
 */
export const Identifier = z
  .string()
  .min(1)
  .max(64)
  .regex(/^(?!__)[A-Za-z0-9_-]+$/, 'Use only letters, digits, "-" and "_" (not starting with "__")');

/** A variable name; dots address nested values (`contact.email`). */
export const VariableName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/, 'Use letters, digits and "_" (dots for nested values)')
  .refine((name) => !name.split('.').some(isForbiddenKey), 'This name is reserved');

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Keys that would reach an object's prototype; never read or written. */
export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN_KEYS.has(key);
}

/**
 * Knowledge sources of the workspace an AI block answers from (ids from /api/admin/knowledge). Empty: only
 * the block's own knowledge text, as before sources existed.
 */
export const KnowledgeSourceIds = z
  .array(z.string().trim().min(1).max(64))
  .max(20, 'Choose at most 20 knowledge sources')
  .refine((ids) => new Set(ids).size === ids.length, 'A knowledge source is chosen twice')
  .default([]);

/** Text that may contain `{{variable}}` placeholders. */
export const Template = z.string().max(5000);

export const Position = z.object({ x: z.number().finite(), y: z.number().finite() });
export type Position = z.infer<typeof Position>;
