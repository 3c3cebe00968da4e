import { askForField, fieldKey, gatherFields } from '../fields';
import type { AgentTurnInput, AgentTurnResult, IntentDef, TranscriptLine } from '../provider';
import { answerOffline, NOT_FOUND_ANSWER } from './answer';
import { classifyIntentOffline } from './classify-intent';
import { terms } from './nlp';
import { prioritizeOffline } from './prioritize';
import { isAngry } from './tone';

/** AI agent mode without a model: answer from knowledge; on a handoff wish, ask for missing fields, then hand off. */

const HUMAN_INTENT: IntentDef = {
  id: 'human',
  name: 'Talk to a human',
  description: 'The visitor wants a real person, a live agent or support staff',
  phrases: [
    'talk to a human',
    'speak to a real person',
    'connect me with an agent',
    'I want to talk to someone',
    'live agent please',
    'customer service representative',
  ],
};
const HUMAN_WORDS =
  /\b(human|real person|live (agent|chat|person)|representative|operator|speak (to|with) (someone|somebody|an? agent|support))\b/i;
const WHEN_UNANSWERED =
  /\b(can'?t|cannot|unable to|not able to|don'?t know( how)? to) answer|\bnot (in|covered by) the knowledge|\bno answer\b/i;
const WHEN_ANGRY = /\b(angry|upset|frustrated|annoyed|rude)\b/i;

type Wish = { line: TranscriptLine; reason: string };

/** Words of a "when to use" rule that describe the situation rather than the topic. */
const RULE_BOILERPLATE = new Set(
  terms(
    'when whenever visitor customer user client person asks ask wants want mentions says talks needs question about has having something',
  ),
);

/**
 * Lexical match of a message against a free-text rule such as "asks about a refund or a chargeback": the rule is
 * split into clauses, and a clause matches when the message covers at least half of its topic terms.
 */
function matchesRule(text: string, whenToUse: string): boolean {
  const words = new Set(terms(text));
  return (
    whenToUse
      .split(/\bor\b|[,;.]/i)
      // "you cannot answer from the knowledge", "is upset": conditions with checks of their own, not topics.
      .filter((clause) => !WHEN_UNANSWERED.test(clause) && !WHEN_ANGRY.test(clause))
      .map((clause) => terms(clause).filter((t) => !RULE_BOILERPLATE.has(t)))
      .some((topic) => topic.length > 0 && topic.filter((t) => words.has(t)).length / topic.length >= 0.5)
  );
}

/** "When does your support team answer?": asking for a fact, which the knowledge may hold, not for a person. */
const ASKS_FOR_A_FACT = /^\s*(?:when|what time|what hours|where|which|how (?:long|much|many|often|soon|fast))\b/i;

/**
 * Whether a line is a wish for a person. Said in so many words ("human", "real person"…) it always is; matched
 * only by the talk-to-a-human intent ("your support team"), not when it asks for a fact the knowledge answers.
 */
function asksForAPerson(line: TranscriptLine, answered: (line: TranscriptLine) => boolean): boolean {
  if (HUMAN_WORDS.test(line.text)) return true;
  if (!classifyIntentOffline({ text: line.text, intents: [HUMAN_INTENT] }).intentId) return false;
  return !(ASKS_FOR_A_FACT.test(line.text) && answered(line));
}

/** `answered`: whether the knowledge answers a line (the block's text, or its sources for the last line). */
function handoffWish(
  line: TranscriptLine,
  whenToUse: string,
  answered: (line: TranscriptLine) => boolean,
): Wish | null {
  const quoted = `"${line.text.slice(0, 120)}"`;
  if (asksForAPerson(line, answered)) return { line, reason: `Visitor asked for a human: ${quoted}` };
  if (matchesRule(line.text, whenToUse)) {
    return { line, reason: `Matches handoff rule "${whenToUse.trim()}": ${quoted}` };
  }
  if (WHEN_ANGRY.test(whenToUse) && isAngry(line.text)) return { line, reason: `Visitor is upset: ${quoted}` };
  if (WHEN_UNANSWERED.test(whenToUse) && line.text.includes('?') && !answered(line)) {
    return { line, reason: `Question not covered by the knowledge: ${quoted}` };
  }
  return null;
}

/** Visitor lines since the last human agent spoke, so a conversation handed back to the bot starts fresh. */
function sinceLastAgent(transcript: TranscriptLine[]): TranscriptLine[] {
  const lastAgent = transcript.findLastIndex((l) => l.author === 'agent');
  return transcript.slice(lastAgent + 1);
}

export function agentTurnOffline(input: AgentTurnInput): AgentTurnResult {
  const recent = sinceLastAgent(input.transcript);
  const gathered = gatherFields(input.handoff.gather, recent, input.gathered);
  const lastVisitor = recent.findLast((l) => l.author === 'visitor');
  if (!lastVisitor) return { reply: 'Hi! How can I help you today?', gathered };

  // The knowledge answers a line: the host's passage answer for the last one, else the block's own text.
  const answered = (line: TranscriptLine) =>
    (line === lastVisitor && Boolean(input.sourcedAnswer)) ||
    answerOffline({ question: line.text, knowledge: input.knowledge, instructions: '' }).found;
  if (input.handoff.enabled) {
    const wish = recent
      .filter((l) => l.author === 'visitor')
      .map((l) => handoffWish(l, input.handoff.whenToUse, answered))
      .find((w): w is Wish => w !== null);
    if (wish) {
      const missing = input.handoff.gather.find((field) => !gathered[fieldKey(field)]);
      if (missing) {
        const previousBot = recent.findLast((l) => l.author === 'bot')?.text ?? '';
        const alreadyAsked =
          previousBot.toLowerCase().includes(`your ${missing.toLowerCase()}`) && wish.line !== lastVisitor;
        return {
          reply: askForField(missing, { alreadyAsked, anyGathered: Object.keys(gathered).length > 0 }),
          gathered,
        };
      }
      const priority = input.handoff.autoPriority ? prioritizeOffline({ transcript: recent }).priority : undefined;
      return { handoff: { reason: wish.reason, gathered, ...(priority ? { priority } : {}) } };
    }
  }

  if (input.sourcedAnswer) return { reply: input.sourcedAnswer, gathered };
  const { found, answer } = answerOffline({
    question: lastVisitor.text,
    knowledge: input.knowledge,
    instructions: input.instructions,
  });
  if (found) return { reply: answer, gathered };
  const offer = input.handoff.enabled ? ' I can connect you with a human teammate if you like.' : '';
  return { reply: `${NOT_FOUND_ANSWER}${offer}`, gathered };
}
