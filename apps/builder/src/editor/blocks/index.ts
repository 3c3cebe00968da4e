import type { BlockType } from '@flowdesk/flow-schema';
import type { ComponentType } from 'react';
import { AiAgentForm } from './ai-agent/Form';
import { summary as aiAgent } from './ai-agent/summary';
import { AiAnswerForm } from './ai-answer/Form';
import { summary as aiAnswer } from './ai-answer/summary';
import { ButtonsForm } from './buttons/Form';
import { summary as buttons } from './buttons/summary';
import { CaptureForm } from './capture/Form';
import { summary as capture } from './capture/summary';
import { ConditionForm } from './condition/Form';
import { summary as condition } from './condition/summary';
import { EndForm } from './end/Form';
import { summary as end } from './end/summary';
import type { BlockFormProps } from './form-props';
import { HttpRequestForm } from './http-request/Form';
import { summary as httpRequest } from './http-request/summary';
import { HumanHandoffForm } from './human-handoff/Form';
import { summary as humanHandoff } from './human-handoff/summary';
import { IntentTriggerForm } from './intent-trigger/Form';
import { summary as intentTrigger } from './intent-trigger/summary';
import { MatchIntentForm } from './match-intent/Form';
import { summary as matchIntent } from './match-intent/summary';
import { MessageForm } from './message/Form';
import { summary as message } from './message/summary';
import { SendEmailForm } from './send-email/Form';
import { summary as sendEmail } from './send-email/summary';
import { SetVariableForm } from './set-variable/Form';
import { summary as setVariable } from './set-variable/summary';
import { StartForm } from './start/Form';
import { summary as start } from './start/summary';
import type { BlockSummary } from './summary-context';

/** What the builder knows about one block type: its inspector form and its canvas summary. */
export interface BuilderBlock<T extends BlockType> {
  Form: ComponentType<BlockFormProps<T>>;
  summary: BlockSummary<T>;
}

/** One entry per schema block type, each from blocks/<type>/; a new type without one does not compile. */
export const builderBlocks: { [T in BlockType]: BuilderBlock<T> } = {
  start: { Form: StartForm, summary: start },
  intent_trigger: { Form: IntentTriggerForm, summary: intentTrigger },
  message: { Form: MessageForm, summary: message },
  buttons: { Form: ButtonsForm, summary: buttons },
  capture: { Form: CaptureForm, summary: capture },
  condition: { Form: ConditionForm, summary: condition },
  set_variable: { Form: SetVariableForm, summary: setVariable },
  match_intent: { Form: MatchIntentForm, summary: matchIntent },
  ai_answer: { Form: AiAnswerForm, summary: aiAnswer },
  ai_agent: { Form: AiAgentForm, summary: aiAgent },
  http_request: { Form: HttpRequestForm, summary: httpRequest },
  send_email: { Form: SendEmailForm, summary: sendEmail },
  human_handoff: { Form: HumanHandoffForm, summary: humanHandoff },
  end: { Form: EndForm, summary: end },
};
