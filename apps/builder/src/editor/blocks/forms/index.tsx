import { type Block, type BlockOf, type BlockType, blockDefinitions } from '@flowdesk/flow-schema';
import type { ComponentType } from 'react';
import { useEditor } from '../../editor-context';
import { ButtonsForm } from './ButtonsForm';
import { CaptureForm } from './CaptureForm';
import { ConditionForm } from './ConditionForm';
import { HttpRequestForm } from './HttpRequestForm';
import { HumanHandoffForm } from './HumanHandoffForm';
import { MatchIntentForm } from './MatchIntentForm';
import { MessageForm } from './MessageForm';
import { AiAnswerForm, EndForm, IntentTriggerForm, SendEmailForm, SetVariableForm } from './SimpleForms';
import { StartForm } from './StartForm';
import type { BlockFormProps } from './types';

type FormRegistry = { [T in BlockType]: ComponentType<BlockFormProps<T>> };

function IntentTriggerWithIntents(props: BlockFormProps<'intent_trigger'>) {
  const { doc } = useEditor();
  return <IntentTriggerForm {...props} intents={doc.intents} />;
}

/** One settings form per block type; a new block type needs one entry here (the compiler checks). */
export const blockForms: FormRegistry = {
  start: StartForm,
  intent_trigger: IntentTriggerWithIntents,
  message: MessageForm,
  buttons: ButtonsForm,
  capture: CaptureForm,
  condition: ConditionForm,
  set_variable: SetVariableForm,
  match_intent: MatchIntentForm,
  ai_answer: AiAnswerForm,
  http_request: HttpRequestForm,
  send_email: SendEmailForm,
  human_handoff: HumanHandoffForm,
  end: EndForm,
};

export function BlockForm({ block, update }: { block: Block; update: (data: unknown, field: string) => void }) {
  const Form = blockForms[block.type] as ComponentType<BlockFormProps<BlockType>> | undefined;
  if (!Form) return <p className="hint">Unknown block type “{block.type}”. Remove this block.</p>;
  return <Form block={block as BlockOf<BlockType>} update={update} />;
}

export const blockLabelOf = (type: string) =>
  type in blockDefinitions ? blockDefinitions[type as BlockType].label : type;
