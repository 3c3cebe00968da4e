import { validateFlow } from '@flowdesk/flow-schema';
import { describe, expect, test } from 'vitest';
import { FLOW_TEMPLATES, flowFromTemplate, templateBlockLabels } from './flow-templates';

describe('flows from gallery templates', () => {
  test('each template becomes a valid flow with its own id and the chosen name, the template untouched', () => {
    for (const template of FLOW_TEMPLATES) {
      const before = JSON.stringify(template.document);
      const doc = flowFromTemplate(template, 'My <b>bot</b>');
      expect(doc.name).toBe('My <b>bot</b>');
      expect(doc.id).toMatch(/^my_b_bot_b_[a-z0-9]+$/);
      expect(doc.blocks.length).toBe(template.document.blocks.length);
      expect(validateFlow(doc)).toEqual([]);
      doc.blocks[0]!.position.x = 9999;
      expect(JSON.stringify(template.document)).toBe(before);
    }
  });

  test('the card lists the blocks as the palette names them, without the start', () => {
    const order = FLOW_TEMPLATES.find((t) => t.id === 'order_status')!;
    expect(templateBlockLabels(order)).toEqual([
      'Ask for input',
      'HTTP request',
      'Condition',
      'Send message',
      'Send message',
      'Human handoff',
      'End conversation',
    ]);
  });
});
