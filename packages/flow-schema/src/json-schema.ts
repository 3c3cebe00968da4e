import { z } from 'zod';
import { FlowDocument } from './document';

/** JSON Schema (draft 2020-12) of a flow document as editors and third-party tools write it. */
export function toJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(FlowDocument, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
