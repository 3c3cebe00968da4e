import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { strictJsonSchema } from './structured';

describe('strictJsonSchema', () => {
  it('closes nested objects, requires every property and keeps only subset keywords', () => {
    const schema = z
      .object({
        name: z
          .string()
          .describe('Name')
          .meta({ title: 'Name', examples: ['Sam'] }),
        note: z.string().optional(),
        tags: z.array(z.object({ label: z.string() })),
        score: z.number().nullable(),
      })
      .meta({ title: 'Root' });
    expect(strictJsonSchema(schema)).toEqual({
      type: 'object',
      properties: {
        name: { type: 'string', description: 'Name' },
        note: { type: 'string' },
        tags: {
          type: 'array',
          items: {
            type: 'object',
            properties: { label: { type: 'string' } },
            required: ['label'],
            additionalProperties: false,
          },
        },
        score: { type: ['number', 'null'] },
      },
      required: ['name', 'note', 'tags', 'score'],
      additionalProperties: false,
    });
  });
});
