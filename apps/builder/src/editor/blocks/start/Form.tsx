import type { FlowSettings } from '@flowdesk/flow-schema';
import { labelledOptions } from '../../../ui/Select';
import { useEditor } from '../../editor-context';
import { NumberField, SelectField, TemplateField } from '../fields';
import type { BlockFormProps } from '../form-props';

const WELCOME = labelledOptions<FlowSettings['welcome']>({
  on_open: 'As soon as the chat opens',
  on_first_message: 'After the visitor writes',
});

/** The start block has no settings of its own; it hosts the flow-wide settings. */
export function StartForm(_: BlockFormProps<'start'>) {
  const { doc, dispatch } = useEditor();
  const settings = doc.settings;
  const set = (patch: Partial<FlowSettings>, field: string) =>
    dispatch({
      type: 'apply',
      edit: (d) => ({ ...d, settings: { ...d.settings, ...patch } }),
      coalesceKey: `settings:${field}`,
    });
  return (
    <>
      <p className="hint">Every conversation begins here. These settings apply to the whole flow.</p>
      <SelectField
        label="The bot speaks first"
        value={settings.welcome}
        options={WELCOME}
        onChange={(welcome) => set({ welcome }, 'welcome')}
      />
      <TemplateField
        label="When the bot does not understand"
        value={settings.fallbackMessage}
        onChange={(fallbackMessage) => set({ fallbackMessage }, 'fallbackMessage')}
      />
      <NumberField
        label="Intent confidence needed (0 – 1)"
        min={0}
        max={1}
        value={settings.intentThreshold}
        onChange={(v) => set({ intentThreshold: v ?? 0.6 }, 'intentThreshold')}
        hint="Higher means fewer, surer intent matches."
      />
    </>
  );
}
