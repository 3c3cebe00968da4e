import type { BlockType } from '../blocks';
import { AI_HANDOFF_VARIABLES, gatheredVariableName } from '../blocks/ai-agent';
import type { Block, BlockOf, FlowDocument } from '../document';
import { templateVariables } from '../interpolate';
import { compileSafeRegex, MAX_PATTERN_LENGTH } from '../safe-regex';
import { BUILTIN_VARIABLES, HOST_VARIABLE_PREFIXES } from '../variables';
import { blockLabel } from './parse';
import { PROBLEM_CODES as C, error, type Problem, warning } from './problems';

function checkIntents(doc: FlowDocument, problems: Problem[]): void {
  const names = new Map<string, string>();
  const ids = new Set<string>();
  for (const intent of doc.intents) {
    const key = intent.name.trim().toLowerCase();
    if (names.has(key))
      problems.push(
        error(C.duplicateIntentName, `Two intents are called "${intent.name}"; give each a different name.`),
      );
    if (ids.has(intent.id)) problems.push(error(C.duplicateIntentId, `Two intents share the id "${intent.id}".`));
    names.set(key, intent.id);
    ids.add(intent.id);
  }
  for (const block of doc.blocks) {
    const used =
      block.type === 'intent_trigger'
        ? [block.data.intentId]
        : block.type === 'match_intent'
          ? block.data.intentIds
          : [];
    for (const intentId of used)
      if (!ids.has(intentId))
        problems.push(
          error(C.unknownIntent, `${blockLabel(block)} uses an intent that does not exist ("${intentId}").`, {
            blockId: block.id,
            details: { intentId },
          }),
        );
  }
}

function patternsOf(block: Block): string[] {
  if (block.type === 'condition')
    return block.data.groups.flatMap((g) => g.rules.filter((r) => r.operator === 'matches_regex').map((r) => r.value));
  if (block.type === 'capture' && block.data.validation.pattern !== undefined) return [block.data.validation.pattern];
  return [];
}

function checkRegexes(doc: FlowDocument, problems: Problem[]): void {
  for (const block of doc.blocks)
    for (const pattern of patternsOf(block))
      if (compileSafeRegex(pattern) === null)
        problems.push(
          error(
            C.invalidRegex,
            `${blockLabel(block)} has a pattern that is not a valid regular expression (or longer than ${MAX_PATTERN_LENGTH} characters).`,
            { blockId: block.id, details: { pattern } },
          ),
        );
}

/**
 * An HTTP request's address must be a web address once its `{{variables}}` are filled in; one starting with a
 * variable may hold the whole base address, so it is not judged.
 */
function isWebAddress(template: string): boolean {
  const url = template.trim();
  if (url.startsWith('{{')) return true;
  try {
    const { protocol } = new URL(url.replace(/\{\{[^}]*\}\}/g, 'x'));
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

function checkUrls(doc: FlowDocument, problems: Problem[]): void {
  for (const block of doc.blocks)
    if (block.type === 'http_request' && !isWebAddress(block.data.url))
      problems.push(
        error(
          C.invalidUrl,
          `${blockLabel(block)} has a URL that is not a web address, so every call would follow "Error or timeout". Write the full address, e.g. https://api.example.com/orders.`,
          { blockId: block.id, details: { url: block.data.url } },
        ),
      );
}

/** The addresses a message shows or links to: its media, its link, its cards' images and buttons. */
function messageUrls(block: BlockOf<'message'>): string[] {
  const { content } = block.data;
  if (content.type === 'text') return [];
  if (content.type === 'carousel')
    return content.cards
      .flatMap((card) => [card.imageUrl, ...card.buttons.map((b) => b.url)])
      .filter((u) => !!u) as string[];
  return [content.url];
}

/** "www.acme.com/pricing", "acme.com/help": a site written without https://, which the visitor's browser would read as a page of the site the chat is on. */
const HOST_WITHOUT_SCHEME = /^(www\.|[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(\/|$))/i;

function checkMessageUrls(doc: FlowDocument, problems: Problem[]): void {
  for (const block of doc.blocks) {
    if (block.type !== 'message') continue;
    for (const url of messageUrls(block))
      if (HOST_WITHOUT_SCHEME.test(url.trim()))
        problems.push(
          warning(
            C.urlWithoutScheme,
            `${blockLabel(block)} links to "${url.trim()}" without https://: in the chat it would open a page of the website the chat is on. Write https://${url.trim()}.`,
            { blockId: block.id, details: { url } },
          ),
        );
  }
}

type VariableWrites = { [T in BlockType]: (data: BlockOf<T>['data']) => string[] };
const writesNothing = () => [];

/** The variables each block type writes; a new block type does not compile until it says (even "none"). */
const variableWrites: VariableWrites = {
  start: writesNothing,
  intent_trigger: writesNothing,
  message: writesNothing,
  buttons: (data) => (data.saveAs ? [data.saveAs] : []),
  capture: (data) => [data.saveAs],
  condition: writesNothing,
  set_variable: (data) => [data.variable],
  match_intent: writesNothing,
  ai_answer: (data) => (data.saveAs ? [data.saveAs] : []),
  ai_agent: (data) =>
    data.handoff.enabled
      ? [AI_HANDOFF_VARIABLES.reason, AI_HANDOFF_VARIABLES.priority, ...data.handoff.gather.map(gatheredVariableName)]
      : [],
  http_request: (data) => data.responseMapping.map((m) => m.variable),
  send_email: writesNothing,
  human_handoff: writesNothing,
  end: writesNothing,
};

/** Variables a block writes. */
export function variablesSetBy(block: Block): string[] {
  return (variableWrites[block.type] as (data: unknown) => string[])(block.data);
}

function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}

/** Variables a block reads: every `{{placeholder}}` in its settings plus condition rules' variables. */
export function variablesUsedBy(block: Block): string[] {
  const used = stringsIn(block.data).flatMap(templateVariables);
  if (block.type === 'condition') used.push(...block.data.groups.flatMap((g) => g.rules.map((r) => r.variable)));
  return [...new Set(used)];
}

function checkVariables(doc: FlowDocument, problems: Problem[]): void {
  const known = [
    ...BUILTIN_VARIABLES,
    ...doc.variables.map((v) => v.name),
    ...doc.blocks.flatMap((block) => variablesSetBy(block)),
  ];
  const related = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
  const isKnown = (name: string) =>
    known.some((k) => related(name, k)) || HOST_VARIABLE_PREFIXES.some((p) => related(name, p));
  for (const block of doc.blocks)
    for (const name of variablesUsedBy(block))
      if (!isKnown(name))
        problems.push(
          warning(
            C.variableNeverSet,
            `${blockLabel(block)} uses the variable "${name}", but nothing in the flow ever sets it, so it will be empty.`,
            { blockId: block.id, details: { variable: name } },
          ),
        );
}

/** `complete`: false when some blocks did not parse, so what they set is unknown. */
export function checkContent(doc: FlowDocument, complete = true): Problem[] {
  const problems: Problem[] = [];
  checkIntents(doc, problems);
  checkRegexes(doc, problems);
  checkUrls(doc, problems);
  checkMessageUrls(doc, problems);
  if (complete) checkVariables(doc, problems);
  return problems;
}
