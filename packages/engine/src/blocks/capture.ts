import { type FormField, type InputType, isEmailAddress, type MessageContent } from '@flowdesk/contract';
import {
  type BlockOf,
  type CaptureData,
  type CaptureValidation,
  interpolate,
  safeRegexTest,
  type Variables,
  type VariableValue,
} from '@flowdesk/flow-schema';
import type { FlowIndex } from '../machine/flow-index';
import type { BlockParams, Guard } from '../machine/implement';
import { assignWith, emitAndAssign, inputOf, receiveAndSave, received } from '../machine/implement';
import { blockState } from '../machine/transitions';
import { TAGS, type VisitorContent } from '../machine/types';
import { inputStates, WAIT } from '../machine/waiting';
import type { BlockCompiler } from './compiler';

/**
 * Asks for a value (actions `askInput`, `emitAwaiting`) and waits: a valid answer is saved and follows
 * `next`; a wrong one is retried up to `maxRetries` times, then follows `invalid`.
 */
export const compileCapture: BlockCompiler<'capture'> = (block, index) => {
  const params = { blockId: block.id };
  return {
    ...blockState(index, block.id, [{ type: 'askInput', params }, 'emitAwaiting']),
    ...inputStates(TAGS.waiting, [
      {
        guard: { type: 'captureValid', params },
        target: index.target(block.id, 'next'),
        actions: { type: 'saveCapture', params },
      },
      { guard: { type: 'canRetry', params }, target: WAIT, actions: { type: 'retry', params } },
      { target: index.target(block.id, 'invalid') },
    ]),
  };
};

/** The input prompt the widget shows (a form lists its fields). */
export function renderInput(block: BlockOf<'capture'>, vars: Variables): MessageContent {
  const { data } = block;
  return {
    type: 'input',
    prompt: interpolate(data.prompt, vars),
    inputType: data.inputType,
    ...(data.placeholder ? { placeholder: data.placeholder } : {}),
    ...(data.inputType === 'form' ? { fields: data.fields ?? [] } : {}),
  };
}

/** The actions and guards `compileCapture` names, for `createFlowSetup`. */
export function captureImplementations(index: FlowIndex) {
  const blockOf = (params: BlockParams) => index.block(params.blockId, 'capture');
  const captureValid: Guard = ({ event }, params) => parseCaptureInput(blockOf(params).data, inputOf(event)).ok;
  const canRetry: Guard = ({ context }, params) => context.retries < blockOf(params).data.maxRetries;
  return {
    actions: {
      /** Entering the question: remember what is asked (then `emitAwaiting` sends it). */
      askInput: assignWith<BlockParams>(({ context }, params) => ({
        awaiting: renderInput(blockOf(params), context.variables),
        retries: 0,
      })),
      saveCapture: assignWith<BlockParams>(({ context, event }, params) => {
        const { data } = blockOf(params);
        const result = parseCaptureInput(data, inputOf(event));
        return result.ok ? receiveAndSave(context, event, data.saveAs, result.value) : received(context, event);
      }),
      retry: emitAndAssign<BlockParams>(({ context }, params) => ({
        assign: { retries: context.retries + 1 },
        emits: [
          {
            type: 'output',
            content: {
              type: 'validation_error',
              text: interpolate(blockOf(params).data.retryMessage, context.variables),
            },
          },
        ],
      })),
    },
    guards: { captureValid, canRetry },
  };
}

export type CaptureResult = { ok: true; value: VariableValue } | { ok: false };

const PHONE = /^\+?[\d\s().-]+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isValidDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    date.getUTCFullYear() === Number(m[1]) &&
    date.getUTCMonth() === Number(m[2]) - 1 &&
    date.getUTCDate() === Number(m[3])
  );
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** Parses one typed answer of the given kind; the value to store, or null when it is not that kind. */
function parseTyped(inputType: Exclude<InputType, 'form'>, raw: string): VariableValue | null {
  const text = raw.trim();
  switch (inputType) {
    case 'text':
      return text === '' ? null : text;
    case 'number': {
      const n = Number(text.replace(',', '.'));
      return text !== '' && Number.isFinite(n) ? n : null;
    }
    case 'email':
      return isEmailAddress(text) ? text.toLowerCase() : null;
    case 'phone': {
      const digits = text.replace(/\D/g, '');
      return PHONE.test(text) && digits.length >= 7 && digits.length <= 15 ? text : null;
    }
    case 'url':
      return isHttpUrl(text) ? text : null;
    case 'date':
      return isValidDate(text) ? text : null;
    case 'datetime':
      return /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text) && !Number.isNaN(Date.parse(text)) ? text : null;
  }
}

function passesRules(value: VariableValue, raw: string, rules: CaptureValidation): boolean {
  const text = raw.trim();
  if (typeof value === 'number') {
    if (rules.min !== undefined && value < rules.min) return false;
    if (rules.max !== undefined && value > rules.max) return false;
  }
  if (rules.minLength !== undefined && text.length < rules.minLength) return false;
  if (rules.maxLength !== undefined && text.length > rules.maxLength) return false;
  if (rules.pattern !== undefined && !safeRegexTest(rules.pattern, text)) return false;
  return true;
}

function parseForm(fields: FormField[], values: Record<string, string>): CaptureResult {
  const out: Record<string, VariableValue> = {};
  for (const field of fields) {
    const raw = Object.hasOwn(values, field.name) ? (values[field.name] ?? '') : '';
    if (raw.trim() === '') {
      if (field.required) return { ok: false };
      continue;
    }
    const value = parseTyped(field.inputType, raw);
    if (value === null) return { ok: false };
    out[field.name] = value;
  }
  return { ok: true, value: out };
}

/** Checks a visitor's answer against a capture block; the value to save when it is acceptable. */
export function parseCaptureInput(data: CaptureData, content: VisitorContent | null): CaptureResult {
  if (!content) return { ok: false };
  if (data.inputType === 'form') {
    return content.type === 'form_reply' ? parseForm(data.fields ?? [], content.values) : { ok: false };
  }
  const raw = content.type === 'text' ? content.text : content.type === 'choice_reply' ? content.label : '';
  const value = parseTyped(data.inputType, raw);
  if (value === null || !passesRules(value, raw, data.validation)) return { ok: false };
  return { ok: true, value };
}
