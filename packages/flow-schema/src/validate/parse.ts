import type { z } from 'zod';
import { blockTitle, isBlockType } from '../blocks';
import { Block, Edge, FlowDocument, FlowSettings, FlowVariable, Intent, SCHEMA_VERSION } from '../document';
import { error, PROBLEM_CODES, type Problem } from './problems';

const C = PROBLEM_CODES;

export interface ParsedFlow {
  /** The document with every part that parsed; broken blocks, edges, intents and variables left out. */
  doc: FlowDocument;
  problems: Problem[];
  /** Ids of blocks left out because their type or settings are broken; other checks treat them as present. */
  brokenBlockIds: Set<string>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Zod's words for a length or count out of bounds ("Too big: expected string to have <=5000 characters") made plain. */
function issueWords(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_big' && (issue.origin === 'string' || issue.origin === 'array'))
    return `too long: at most ${issue.maximum} ${issue.origin === 'string' ? 'characters' : 'entries'}`;
  if (issue.code === 'too_small' && issue.origin === 'string')
    return Number(issue.minimum) <= 1 ? 'empty: fill it in' : `too short: at least ${issue.minimum} characters`;
  if (issue.code === 'too_small' && issue.origin === 'array') return `needs at least ${issue.minimum}`;
  return issue.message;
}

/** The first issues, each named by where it is; a block's settings (`data`) are named from inside. */
function describeIssues(e: z.ZodError): string {
  return e.issues
    .slice(0, 3)
    .map((i) => {
      const path = i.path[0] === 'data' ? i.path.slice(1) : i.path;
      return path.length ? `${path.join(' › ')}: ${issueWords(i)}` : issueWords(i);
    })
    .join('; ');
}

export function blockLabel(block: { type: string; name?: string | undefined }): string {
  return `"${blockTitle(block)}"`;
}

function parseList<T>(raw: unknown, schema: z.ZodType<T>, what: string, problems: Problem[]): T[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push(error(C.invalidDocument, `The flow's ${what} list is damaged and was ignored.`));
    return [];
  }
  const out: T[] = [];
  raw.forEach((item, index) => {
    const result = schema.safeParse(item);
    if (result.success) out.push(result.data);
    else {
      const id = isObject(item) && typeof item.id === 'string' ? item.id : undefined;
      problems.push(
        error(
          C.invalidDocument,
          `Entry ${index + 1} of the flow's ${what} is damaged: ${describeIssues(result.error)}`,
          {
            ...(what === 'connections' && id ? { edgeId: id } : {}),
            details: { list: what, index },
          },
        ),
      );
    }
  });
  return out;
}

function parseBlock(raw: unknown, index: number, problems: Problem[]): Block | null {
  if (!isObject(raw) || typeof raw.id !== 'string') {
    problems.push(error(C.invalidDocument, `Block ${index + 1} has no id and was ignored.`, { details: { index } }));
    return null;
  }
  const where = { blockId: raw.id };
  if (!isBlockType(raw.type)) {
    const type = typeof raw.type === 'string' ? raw.type : 'none';
    problems.push(
      error(C.unknownBlockType, `A block of an unknown kind ("${type}") cannot run. Remove it or replace it.`, where),
    );
    return null;
  }
  const result = Block.safeParse(raw);
  if (result.success) return result.data;
  problems.push(
    error(
      C.invalidSettings,
      `${blockLabel({ type: raw.type, name: typeof raw.name === 'string' ? raw.name : undefined })} has settings that need fixing: ${describeIssues(result.error)}`,
      { ...where, details: result.error.issues },
    ),
  );
  return null;
}

/** Parses any JSON into the usable part of a flow plus the problems found on the way. Never throws. */
export function parseFlowLeniently(input: unknown): ParsedFlow {
  const whole = FlowDocument.safeParse(input);
  if (whole.success) return { doc: whole.data, problems: [], brokenBlockIds: new Set() };
  const problems: Problem[] = [];
  const raw = isObject(input) ? input : {};
  if (!isObject(input)) problems.push(error(C.invalidDocument, 'This is not a flow document.'));
  else if (input.schemaVersion !== SCHEMA_VERSION)
    problems.push(error(C.invalidDocument, `This flow was saved in a format this version cannot read.`));

  const settings = FlowSettings.safeParse(raw.settings ?? {});
  if (!settings.success)
    problems.push(error(C.invalidSettings, `The flow settings need fixing: ${describeIssues(settings.error)}`));
  if (!Array.isArray(raw.blocks)) problems.push(error(C.invalidDocument, 'The flow has no list of blocks.'));
  const blocks: Block[] = [];
  const brokenBlockIds = new Set<string>();
  (Array.isArray(raw.blocks) ? raw.blocks : []).forEach((item, i) => {
    const block = parseBlock(item, i, problems);
    if (block) blocks.push(block);
    else if (isObject(item) && typeof item.id === 'string') brokenBlockIds.add(item.id);
  });

  const doc: FlowDocument = {
    schemaVersion: SCHEMA_VERSION,
    id: typeof raw.id === 'string' ? raw.id : 'flow',
    name: typeof raw.name === 'string' ? raw.name : 'Untitled flow',
    blocks,
    edges: parseList(raw.edges, Edge, 'connections', problems),
    variables: parseList(raw.variables, FlowVariable, 'variables', problems),
    intents: parseList(raw.intents, Intent, 'intents', problems),
    settings: settings.success ? settings.data : FlowSettings.parse({}),
  };
  if (problems.length === 0) {
    // Only the id or name was wrong.
    problems.push(error(C.invalidDocument, `The flow needs fixing: ${describeIssues(whole.error)}`));
  }
  return { doc, problems, brokenBlockIds };
}
