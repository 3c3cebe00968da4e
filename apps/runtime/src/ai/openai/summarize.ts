import { type HandoffSummary, SummaryTone, summaryText } from '@flowdesk/contract';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import type { ChatOpenAI } from '@langchain/openai';
import { z } from 'zod';
import type { SummarizeInput, SummaryResult } from '../provider';
import { formatTranscript } from '../transcript';
import { invokeStructured, requireText } from './structured';

const prompt = ChatPromptTemplate.fromMessages([
  [
    'system',
    'You write handoff notes for customer-support agents taking over a chat from a bot, read before their first ' +
      'reply. Fill every field: problem = the visitor problem in one sentence (what they need, including what they ' +
      'wrote last); botTried = the answers the bot gave that relate to the problem (never its questions, greetings ' +
      'or confirmations such as "connecting you" or "thanks"), empty when none; details = captured facts (emails, ' +
      'order numbers, plan...) each with a human label such as "Order number", never a raw variable name like ' +
      '"last_message"; tone = the visitor tone; nextStep = what the agent should do first. Plain text, no greeting.',
  ],
  ['human', 'Visitor: {visitor}\nCaptured variables: {variables}\n\nTranscript:\n{transcript}'],
]);

const schema = z.object({
  problem: z.string().describe("The visitor's problem in one sentence"),
  botTried: z.array(z.string()).describe("The bot's relevant answers, not its confirmations or questions"),
  details: z
    .array(z.object({ label: z.string().describe('Human label, e.g. "Order number"'), value: z.string() }))
    .describe('Captured details'),
  tone: SummaryTone,
  nextStep: z.string().describe('What the agent should do first'),
});

/** Transcript lines marked as prompts are left out of what the model reads as the bot's answers. */
function transcriptFor(input: SummarizeInput): string {
  return formatTranscript(input.transcript.map((l) => (l.prompt ? { ...l, text: `[asked] ${l.text}` } : l)));
}

export async function summarizeWithModel(model: ChatOpenAI, input: SummarizeInput): Promise<SummaryResult> {
  const raw = await invokeStructured(model, prompt, schema, 'handoff_summary', {
    visitor: JSON.stringify(input.visitor ?? {}),
    variables: JSON.stringify(input.variables),
    transcript: transcriptFor(input),
  });
  const structured: HandoffSummary = {
    problem: requireText(raw.problem, 'summary problem'),
    botTried: raw.botTried.map((t) => t.trim()).filter(Boolean),
    details: raw.details
      .map((d) => ({ label: d.label.trim(), value: d.value.trim() }))
      .filter((d) => d.label && d.value),
    tone: raw.tone,
    nextStep: requireText(raw.nextStep, 'summary next step'),
  };
  return { summary: summaryText(structured), structured };
}
