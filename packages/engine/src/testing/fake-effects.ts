import type {
  AgentTurnRequest,
  AgentTurnResult,
  AnswerEffectResult,
  ClassifyIntentRequest,
  ClassifyIntentResult,
  EmailEffectRequest,
  EngineEffects,
  HandoffEffectResult,
  HttpEffectRequest,
  HttpEffectResult,
} from '../effects';

/** Test effects: in-test functions behind the EngineEffects injection point, recording every call. */
export interface FakeEffects extends EngineEffects {
  calls: {
    http: HttpEffectRequest[];
    classify: ClassifyIntentRequest[];
    emails: EmailEffectRequest[];
    handoffs: string[];
    agentTurns: AgentTurnRequest[];
  };
}

export interface FakeEffectsOptions {
  http?: (req: HttpEffectRequest) => Promise<HttpEffectResult>;
  /** Answer found when the question contains one of these words. */
  knows?: Record<string, string>;
  /** Intent matched when the text contains one of its phrases (case-insensitive). */
  confidence?: number;
  handoff?: HandoffEffectResult['outcome'] | (() => Promise<HandoffEffectResult>);
  sendEmail?: (req: EmailEffectRequest) => Promise<void>;
  /** The AI agent's turn; by default it rejects (no agent scripted). */
  agentTurn?: (req: AgentTurnRequest) => Promise<AgentTurnResult>;
}

export function fakeEffects(options: FakeEffectsOptions = {}): FakeEffects {
  const calls: FakeEffects['calls'] = { http: [], classify: [], emails: [], handoffs: [], agentTurns: [] };
  return {
    calls,
    async http(req) {
      calls.http.push(req);
      return options.http ? options.http(req) : { status: 200, body: {} };
    },
    async answer({ question }): Promise<AnswerEffectResult> {
      const hit = Object.entries(options.knows ?? {}).find(([word]) => question.toLowerCase().includes(word));
      return hit ? { found: true, answer: hit[1] } : { found: false, answer: '' };
    },
    async agentTurn(req) {
      calls.agentTurns.push(req);
      if (!options.agentTurn) throw new Error('No agent scripted');
      return options.agentTurn(req);
    },
    async classifyIntent(req): Promise<ClassifyIntentResult> {
      calls.classify.push(req);
      const text = req.text.toLowerCase();
      const intent = req.intents.find((i) => i.phrases.some((p) => text.includes(p.toLowerCase())));
      return intent
        ? { intentId: intent.id, confidence: options.confidence ?? 0.9 }
        : { intentId: null, confidence: 0 };
    },
    async handoff(req) {
      calls.handoffs.push(req.blockId);
      if (typeof options.handoff === 'function') return options.handoff();
      return { outcome: options.handoff ?? 'handed_off' };
    },
    async sendEmail(req) {
      calls.emails.push(req);
      await options.sendEmail?.(req);
    },
  };
}
