import { z } from 'zod';
import { Identifier } from '../common';
import { defineBlock, NO_MATCH_OUTPUT, output } from './define';

export const MatchIntentData = z.object({ intentIds: z.array(Identifier).min(1).max(50) });
export type MatchIntentData = z.infer<typeof MatchIntentData>;

export const matchIntentBlock = defineBlock({
  type: 'match_intent',
  label: 'Match intent',
  group: 'AI',
  description: "Recognises what the visitor's last message is about and goes the matching way.",
  data: MatchIntentData,
  defaults: () => ({ intentIds: ['intent'] }),
  // Labels are intent ids here; the builder shows intent names from the document.
  outputs: (data) => [...data.intentIds.map((id) => output(id, id, true)), output(NO_MATCH_OUTPUT, 'No match', true)],
  waitsForInput: false,
});
