import { CONDITION_OPERATORS, type ConditionRule } from '@flowdesk/flow-schema';
import { labelledOptions } from '../../../ui/Select';
import { useEditor } from '../../editor-context';
import { SelectField, TextField, VariableField } from '../fields';
import { type BlockFormProps, bindSettings } from '../form-props';
import { ListEditor } from '../ListEditor';
import { OPERATOR_LABELS, UNARY_OPERATORS } from './operators';

const COMBINATORS = labelledOptions({ and: 'All of these (AND)', or: 'Any of these (OR)' });
const OPERATORS = CONDITION_OPERATORS.map((op) => ({ value: op, label: OPERATOR_LABELS[op] }));
const newRule = (): ConditionRule => ({ variable: 'last_message', operator: 'contains', value: '' });

function RuleEditor({ rule, set }: { rule: ConditionRule; set: (rule: ConditionRule) => void }) {
  return (
    <div className="rule">
      <VariableField
        label="Variable"
        value={rule.variable}
        onChange={(variable) => set({ ...rule, variable: variable ?? '' })}
      />
      <SelectField
        label="Operator"
        value={rule.operator}
        options={OPERATORS}
        onChange={(operator) => set({ ...rule, operator })}
      />
      {UNARY_OPERATORS.has(rule.operator) ? null : (
        <TextField
          label={rule.operator === 'matches_regex' ? 'Pattern' : 'Value'}
          value={rule.value ?? ''}
          onChange={(value) => set({ ...rule, value })}
        />
      )}
    </div>
  );
}

export function ConditionForm({ block, update }: BlockFormProps<'condition'>) {
  const { readOnly } = useEditor();
  const data = block.data;
  const groups = data.groups ?? [];
  const setting = bindSettings(data, update);
  return (
    <>
      <p className="hint">The “True” output is followed when the condition holds, “False” otherwise.</p>
      {groups.length > 1 ? (
        <SelectField label="Groups must match" options={COMBINATORS} {...setting('combinator', 'and')} />
      ) : null}
      <ListEditor
        items={groups}
        itemName="group"
        addLabel="Add group"
        min={1}
        max={20}
        create={() => ({ combinator: 'and' as const, rules: [newRule()] })}
        onChange={setting('groups').onChange}
        renderItem={(group, setGroup, index) => (
          <fieldset className="fieldset condition-group">
            <legend>Group {index + 1}</legend>
            {group.rules.length > 1 ? (
              <SelectField
                label="Rules must match"
                value={group.combinator ?? 'and'}
                options={COMBINATORS}
                onChange={(combinator) => setGroup({ ...group, combinator })}
              />
            ) : null}
            <ListEditor
              items={group.rules}
              itemName="rule"
              addLabel="Add rule"
              min={1}
              create={newRule}
              onChange={(rules) => setGroup({ ...group, rules })}
              renderItem={(rule, setRule) => <RuleEditor rule={rule} set={setRule} />}
            />
          </fieldset>
        )}
      />
      {readOnly ? null : <p className="hint">Values may hold {'{{variables}}'}; numbers compare as numbers.</p>}
    </>
  );
}
