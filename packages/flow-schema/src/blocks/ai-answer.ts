import { z } from 'zod';
import { KnowledgeSourceIds, Template, VariableName } from '../common';
import { defineBlock, output } from './define';

export const AiAnswerData = z.object({
  instructions: Template.default('Answer briefly and only from the knowledge below.'),
  knowledge: z.string().max(100_000).default(''),
  knowledgeSourceIds: KnowledgeSourceIds,
  saveAs: VariableName.optional(),
});
export type AiAnswerData = z.infer<typeof AiAnswerData>;

export const aiAnswerBlock = defineBlock({
  type: 'ai_answer',
  label: 'AI answer',
  group: 'AI',
  description: "Answers the visitor's last message from your knowledge sources and text, naming its sources.",
  data: AiAnswerData,
  defaults: () => ({ knowledge: '' }),
  outputs: () => [output('answered', 'Answered', true), output('not_found', 'No answer found', true)],
  waitsForInput: false,
});
