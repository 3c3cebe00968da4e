import { HTTP_MAX_TIMEOUT_MS } from '@flowdesk/flow-schema';
import { NumberField, optionalText, SelectField, TemplateField, TextField, VariableField } from '../fields';
import { type BlockFormProps, bindSettings } from '../form-props';
import { ListEditor } from '../ListEditor';

const METHODS = (['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const).map((m) => ({ value: m, label: m }));

export function HttpRequestForm({ block, update }: BlockFormProps<'http_request'>) {
  const data = block.data;
  const setting = bindSettings(data, update);
  return (
    <>
      <div className="row">
        <SelectField label="Method" options={METHODS} {...setting('method', 'GET')} />
        <div className="grow">
          <TemplateField
            label="URL"
            multiline={false}
            {...setting('url', '')}
            placeholder="https://api.example.com/orders/{{order_id}}"
          />
        </div>
      </div>
      <div className="field-label">Headers</div>
      <ListEditor
        items={data.headers ?? []}
        itemName="header"
        addLabel="Add header"
        create={() => ({ name: 'Authorization', value: '' })}
        onChange={setting('headers').onChange}
        renderItem={(header, setHeader) => (
          <div className="row">
            <TextField label="Name" value={header.name} onChange={(name) => setHeader({ ...header, name })} />
            <TextField label="Value" value={header.value} onChange={(value) => setHeader({ ...header, value })} />
          </div>
        )}
      />
      {data.method && data.method !== 'GET' ? (
        <TemplateField label="Body (JSON)" {...optionalText(setting('body'))} placeholder={'{"email": "{{email}}"}'} />
      ) : null}
      <NumberField
        label="Timeout (milliseconds)"
        min={100}
        max={HTTP_MAX_TIMEOUT_MS}
        value={data.timeoutMs}
        onChange={(timeoutMs) => update({ ...data, timeoutMs: timeoutMs ?? 10_000 }, 'timeoutMs')}
        hint="Slower answers follow the “Error or timeout” output."
      />
      <div className="field-label">Save parts of the answer</div>
      <ListEditor
        items={data.responseMapping ?? []}
        itemName="mapping"
        addLabel="Add mapping"
        create={() => ({ path: 'data.name', variable: 'result' })}
        onChange={setting('responseMapping').onChange}
        renderItem={(mapping, setMapping) => (
          <div className="row">
            <TextField
              label="Path in the answer"
              value={mapping.path}
              onChange={(path) => setMapping({ ...mapping, path })}
              placeholder="data.items.0.name"
            />
            <VariableField
              label="Variable"
              value={mapping.variable}
              onChange={(variable) => setMapping({ ...mapping, variable: variable ?? '' })}
            />
          </div>
        )}
      />
    </>
  );
}
