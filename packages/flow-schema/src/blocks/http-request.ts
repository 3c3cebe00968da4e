import { z } from 'zod';
import { Template, VariableName } from '../common';
import { defineBlock, output } from './define';

export const HTTP_MAX_TIMEOUT_MS = 30_000;

export const HttpRequestData = z.object({
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('GET'),
  url: Template.min(1),
  headers: z
    .array(z.object({ name: z.string().min(1).max(200), value: Template }))
    .max(50)
    .default([]),
  body: Template.optional(),
  timeoutMs: z.number().int().min(100).max(HTTP_MAX_TIMEOUT_MS).default(10_000),
  /** `path` is a dotted path into the JSON response (`data.items.0.name`); empty saves the whole body. */
  responseMapping: z
    .array(z.object({ path: z.string().max(300), variable: VariableName }))
    .max(50)
    .default([]),
});
export type HttpRequestData = z.infer<typeof HttpRequestData>;

export const httpRequestBlock = defineBlock({
  type: 'http_request',
  label: 'HTTP request',
  group: 'Actions',
  description: 'Calls a web address and saves parts of the answer in variables.',
  data: HttpRequestData,
  defaults: () => ({ url: 'https://example.com/api' }),
  outputs: () => [output('success', 'Success', true), output('error', 'Error or timeout')],
  waitsForInput: false,
});
