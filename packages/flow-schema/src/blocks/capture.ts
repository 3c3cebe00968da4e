import { FormField, InputType } from '@flowdesk/contract';
import { z } from 'zod';
import { Template, VariableName } from '../common';
import { defineBlock, NEXT_OUTPUT, output } from './define';

export const INVALID_OUTPUT = 'invalid';

export const CaptureValidation = z.object({
  /** Numbers: smallest / largest accepted value. */
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  minLength: z.number().int().nonnegative().optional(),
  maxLength: z.number().int().positive().optional(),
  /** A regular expression the whole answer must match. */
  pattern: z.string().max(200).optional(),
});
export type CaptureValidation = z.infer<typeof CaptureValidation>;

export const CaptureData = z
  .object({
    prompt: Template,
    inputType: InputType.default('text'),
    placeholder: z.string().max(200).optional(),
    /** The questions of a multi-field form (`inputType: 'form'`); saved as `saveAs.<field name>`. */
    fields: z
      .array(FormField.extend({ name: VariableName.refine((n) => !n.includes('.'), 'No dots in field names') }))
      .max(20)
      .optional(),
    saveAs: VariableName,
    validation: CaptureValidation.default({}),
    retryMessage: Template.default("That doesn't look right. Please try again."),
    /** Wrong answers accepted before the flow follows the `invalid` output. */
    maxRetries: z.number().int().min(0).max(10).default(2),
  })
  .refine((d) => d.inputType !== 'form' || (d.fields?.length ?? 0) > 0, {
    message: 'A form needs at least one field',
    path: ['fields'],
  });
export type CaptureData = z.infer<typeof CaptureData>;

export const captureBlock = defineBlock({
  type: 'capture',
  label: 'Ask for input',
  group: 'Questions',
  description: 'Asks the visitor to type an answer (text, number, email, phone, URL, date or a form) and saves it.',
  data: CaptureData,
  defaults: () => ({ prompt: 'What is your email?', inputType: 'email' as const, saveAs: 'email' }),
  outputs: () => [output(NEXT_OUTPUT, 'Answered', true), output(INVALID_OUTPUT, 'Too many wrong answers')],
  waitsForInput: true,
});
