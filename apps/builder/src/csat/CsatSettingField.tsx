import { CSAT_DEFAULT, type CsatSetting } from '@flowdesk/contract';
import { LabelledSelect, type SelectOption } from '../ui/Select';

const OPTIONS: SelectOption<CsatSetting>[] = [
  { value: 'stars', label: '1–5 stars' },
  { value: 'thumbs', label: 'Thumbs up or down' },
  { value: 'off', label: 'Do not ask' },
];

export const csatSettingOf = (settings: { csat?: CsatSetting }): CsatSetting => settings.csat ?? CSAT_DEFAULT;

/** The bot setting: after a resolution the chat asks the visitor to rate it (or not). */
export function CsatSettingField({ value, onChange }: { value: CsatSetting; onChange: (value: CsatSetting) => void }) {
  return (
    <LabelledSelect
      label="After a conversation is resolved, ask the visitor to rate it"
      value={value}
      options={OPTIONS}
      onChange={onChange}
    />
  );
}
