import { at } from './layout';
import { askText, buttonMenu, endWith, handoffToTeam, starterFlow, textMessage } from './starter-flow';

const KNOWLEDGE = `Shipping: orders leave our warehouse within 2 business days; delivery takes 3 to 5 days.
Returns: any product can be returned within 30 days for a full refund.
Payment: we accept cards, PayPal and bank transfer.
Opening hours: our team answers Monday to Friday, 9:00 to 17:00.`;

/** FAQ: the visitor asks, the AI answers from your knowledge text; no answer → a person. */
export const faqAiTemplate = starterFlow({
  id: 'faq_ai',
  name: 'FAQ with AI answers',
  variables: { question: "The visitor's question" },
  blocks: [
    askText('ask_question', at(1, 1), 'Hi! Ask me anything about shipping, returns or payment.', 'question'),
    {
      id: 'faq',
      type: 'ai_answer',
      position: at(2, 1),
      data: {
        instructions: 'Answer in at most two sentences, only from the knowledge below.',
        knowledge: KNOWLEDGE,
        saveAs: 'answer',
      },
    },
    buttonMenu('more', at(3, 0), 'Did that answer your question?', {
      another: 'Ask another question',
      done: 'Yes, thanks',
    }),
    askText('ask_again', at(4, 0), 'Sure, what else would you like to know?', 'question'),
    textMessage('not_found', at(3, 2), "I don't know that one. Let me find someone who does."),
    handoffToTeam('handoff', at(4, 2), {
      offlineMessage: "We're offline right now; please email support@example.com and we'll get back to you.",
    }),
    endWith('goodbye', at(5, 1), 'Happy to help. Have a great day!'),
  ],
  exits: {
    ask_question: { next: 'faq' },
    faq: { answered: 'more', not_found: 'not_found' },
    more: { another: 'ask_again', done: 'goodbye' },
    ask_again: { next: 'faq' },
    not_found: { next: 'handoff' },
    handoff: { handed_off: 'more', offline: 'goodbye' },
  },
});
