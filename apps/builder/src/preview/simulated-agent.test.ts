import type { AgentTurnRequest } from '@flowdesk/engine';
import { describe, expect, test } from 'vitest';
import { simulateAgentTurn } from './simulated-agent';

const request = (lines: [string, string][], gathered: Record<string, string> = {}): AgentTurnRequest => ({
  instructions: '',
  knowledge: 'Shipping takes 3 days. Refunds are possible within 30 days.',
  handoff: { enabled: true, whenToUse: '', gather: ['email'], autoPriority: true },
  transcript: lines.map(([author, text]) => ({ author: author as 'visitor' | 'bot', text })),
  gathered,
  variables: {},
});

describe('simulateAgentTurn', () => {
  test('answers from the knowledge', () => {
    const result = simulateAgentTurn(request([['visitor', 'How many days does shipping take?']]));
    expect(result).toMatchObject({ reply: 'Shipping takes 3 days.' });
  });

  test('asks for the email before handing off, then hands off with it', () => {
    const first = simulateAgentTurn(request([['visitor', 'I want to talk to a human']]));
    expect(first).toMatchObject({ reply: 'Before I hand you over, what is your email?' });
    const lines: [string, string][] = [
      ['visitor', 'I want to talk to a human'],
      ['bot', 'Before I hand you over, what is your email?'],
      ['visitor', 'ada@acme.example'],
    ];
    expect(simulateAgentTurn(request(lines))).toMatchObject({ handoff: { gathered: { email: 'ada@acme.example' } } });
  });
});
