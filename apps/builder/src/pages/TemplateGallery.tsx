import type { FlowDocumentInput } from '@flowdesk/flow-schema';
import { blockDefinitions } from '@flowdesk/flow-schema';
import { FLOW_TEMPLATES, type FlowTemplate, templateBlockLabels } from './flow-templates';
import './templates.css';

const W = 220;
const H = 84;
const BOX = { w: 34, h: 16 };

/** A static thumbnail of a flow: its blocks as small boxes where they sit on the canvas, joined by their edges. */
export function MiniFlow({ doc }: { doc: FlowDocumentInput }) {
  const xs = doc.blocks.map((b) => b.position.x);
  const ys = doc.blocks.map((b) => b.position.y);
  const [minX, minY] = [Math.min(...xs), Math.min(...ys)];
  const spanX = Math.max(...xs) - minX || 1;
  const spanY = Math.max(...ys) - minY || 1;
  const scale = Math.min((W - BOX.w - 8) / spanX, (H - BOX.h - 8) / spanY);
  const place = (p: { x: number; y: number }) => ({ x: 4 + (p.x - minX) * scale, y: 4 + (p.y - minY) * scale });
  const at = new Map(doc.blocks.map((b) => [b.id, place(b.position)]));
  return (
    <svg className="mini-flow" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${doc.blocks.length} blocks`}>
      {(doc.edges ?? []).map((e) => {
        const from = at.get(e.source);
        const to = at.get(e.target);
        if (!from || !to) return null;
        return (
          <line
            key={e.id}
            x1={from.x + BOX.w}
            y1={from.y + BOX.h / 2}
            x2={to.x}
            y2={to.y + BOX.h / 2}
            className="mini-flow-edge"
          />
        );
      })}
      {doc.blocks.map((b) => {
        const p = at.get(b.id);
        if (!p) return null;
        const group = blockDefinitions[b.type].group.toLowerCase();
        return (
          <rect key={b.id} x={p.x} y={p.y} width={BOX.w} height={BOX.h} rx={3} className={`mini-flow-block g-${group}`}>
            <title>{blockDefinitions[b.type].label}</title>
          </rect>
        );
      })}
    </svg>
  );
}

function TemplateCard({
  template,
  selected,
  onSelect,
}: {
  template: FlowTemplate;
  selected: boolean;
  onSelect: () => void;
}) {
  const labels = templateBlockLabels(template);
  return (
    <label className={selected ? 'template-card selected' : 'template-card'}>
      <input
        type="radio"
        name="start-from"
        aria-label={`${template.name} (${template.category} template)`}
        checked={selected}
        onChange={onSelect}
        className="visually-hidden"
      />
      <span className="template-card-head">
        <strong>{template.name}</strong>
        <span className="badge">{template.category}</span>
      </span>
      <MiniFlow doc={template.document} />
      <span className="template-card-desc">{template.description}</span>
      <span className="template-card-blocks" title={labels.join(' → ')}>
        {labels.length} blocks: {[...new Set(labels)].join(', ')}
      </span>
    </label>
  );
}

/** "Start from": a blank canvas or one of the gallery's templates (radio cards). */
export function TemplateGallery({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  return (
    <fieldset className="template-gallery">
      <legend>Start from a template</legend>
      <div className="template-grid">
        <label className={value === 'blank' ? 'template-card blank selected' : 'template-card blank'}>
          <input
            type="radio"
            name="start-from"
            aria-label="Blank flow"
            checked={value === 'blank'}
            onChange={() => onChange('blank')}
            className="visually-hidden"
          />
          <span className="template-card-head">
            <strong>Blank flow</strong>
          </span>
          <span className="template-card-desc">An empty canvas with only the conversation start.</span>
        </label>
        {FLOW_TEMPLATES.map((template) => (
          <TemplateCard
            key={template.id}
            template={template}
            selected={value === template.id}
            onSelect={() => onChange(template.id)}
          />
        ))}
      </div>
    </fieldset>
  );
}
