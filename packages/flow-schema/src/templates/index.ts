import type { FlowDocumentInput } from '../document';
import { aiAgentTemplate } from './ai-agent';
import { appointmentTemplate } from './appointment';
import { faqAiTemplate } from './faq-ai';
import { leadCaptureTemplate } from './lead-capture';
import { orderStatusTemplate } from './order-status';
import { supportTriageTemplate } from './support-triage';

/** The templates' grid and edge ids, for flows written by hand elsewhere (the engine's demo support bot, tests). */
export { at as gridAt, type EdgeLink, edge as flowEdge, nextChain, numberedEdges } from './layout';
/** The templates' block builders that fit hand-written flows as they are. */
export { askInput, askText, buttonMenu, textMessage } from './starter-flow';

export type FlowTemplateCategory = 'Support' | 'Sales' | 'AI' | 'E-commerce' | 'Scheduling';

/** A ready-made flow the builder offers under "Start from a template". */
export interface FlowTemplate {
  id: string;
  name: string;
  description: string;
  category: FlowTemplateCategory;
  document: FlowDocumentInput;
}

export const FLOW_TEMPLATES: readonly FlowTemplate[] = [
  {
    id: 'support_triage',
    name: 'Support triage',
    description:
      'Sorts requests by topic and hands off to your team; outside office hours it takes an email and notifies the team.',
    category: 'Support',
    document: supportTriageTemplate,
  },
  {
    id: 'lead_capture',
    name: 'Lead capture',
    description: 'Asks what the visitor is after, collects name, work email and company, and emails the lead to sales.',
    category: 'Sales',
    document: leadCaptureTemplate,
  },
  {
    id: 'faq_ai',
    name: 'FAQ with AI answers',
    description: 'Answers questions from your knowledge text with AI; when it does not know, a person takes over.',
    category: 'AI',
    document: faqAiTemplate,
  },
  {
    id: 'order_status',
    name: 'Order status',
    description:
      'Asks for the order number, looks it up in your shop API over HTTP and tells the status and delivery date.',
    category: 'E-commerce',
    document: orderStatusTemplate,
  },
  {
    id: 'appointment_request',
    name: 'Appointment request',
    description: 'Asks for the service, a preferred date and an email, and sends the request to your team to confirm.',
    category: 'Scheduling',
    document: appointmentTemplate,
  },
  {
    id: 'ai_agent_handoff',
    name: 'AI agent with handoff',
    description:
      'An AI agent converses from your instructions and knowledge and hands off to your team, with an offline path.',
    category: 'AI',
    document: aiAgentTemplate,
  },
];

export function findFlowTemplate(id: string): FlowTemplate | undefined {
  return FLOW_TEMPLATES.find((t) => t.id === id);
}
