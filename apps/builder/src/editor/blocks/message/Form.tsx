import type { MessageBlockContent } from '@flowdesk/flow-schema';
import { labelledOptions } from '../../../ui/Select';
import { optionalText, SelectField, TemplateField, TextField } from '../fields';
import { type BlockFormProps, bindSettings } from '../form-props';
import { ListEditor } from '../ListEditor';

type Content = MessageBlockContent;
type Card = Extract<Content, { type: 'carousel' }>['cards'][number];
type CardButton = NonNullable<Card['buttons']>[number];

const KINDS = labelledOptions<Content['type']>({
  text: 'Text',
  image: 'Image',
  video: 'Video',
  audio: 'Audio',
  file: 'File',
  link: 'Link button',
  carousel: 'Carousel of cards',
});

function emptyContent(type: Content['type'], text: string): Content {
  switch (type) {
    case 'text':
      return { type, text };
    case 'image':
    case 'video':
    case 'audio':
      return { type, url: '', caption: text || undefined };
    case 'file':
      return { type, url: '', name: 'document.pdf' };
    case 'link':
      return { type, url: 'https://', label: 'Open', text: text || undefined };
    case 'carousel':
      return { type, cards: [{ title: 'Card 1', buttons: [] }] };
  }
}

function CardButtonEditor({ button, update }: { button: CardButton; update: (button: CardButton) => void }) {
  const setting = bindSettings(button, update);
  return (
    <div className="row">
      <TextField label="Label" {...setting('label')} />
      <TextField label="URL" {...optionalText(setting('url'))} />
    </div>
  );
}

function CardEditor({ card, update }: { card: Card; update: (card: Card) => void }) {
  const setting = bindSettings(card, update);
  return (
    <>
      <TextField label="Title" {...setting('title')} />
      <TextField label="Subtitle" {...optionalText(setting('subtitle'))} />
      <TextField label="Image URL" {...optionalText(setting('imageUrl'))} />
      <ListEditor
        items={card.buttons ?? []}
        itemName="card button"
        addLabel="Add card button"
        max={5}
        create={() => ({ label: 'Learn more', url: 'https://' })}
        onChange={setting('buttons').onChange}
        renderItem={(button, set) => <CardButtonEditor button={button} update={set} />}
      />
    </>
  );
}

export function MessageForm({ block, update }: BlockFormProps<'message'>) {
  const content = block.data.content;
  const set = (next: Content, field: string) => update({ ...block.data, content: next }, field);
  const caption = 'caption' in content ? (content.caption ?? '') : '';
  return (
    <>
      <SelectField
        label="Kind of message"
        value={content.type}
        options={KINDS}
        onChange={(type) => set(emptyContent(type, content.type === 'text' ? content.text : caption), 'type')}
      />
      {content.type === 'text' ? (
        <TemplateField
          label="Text"
          value={content.text}
          onChange={(text) => set({ ...content, text }, 'text')}
          hint="Use {{variable}} to insert what the visitor told you."
        />
      ) : null}
      {content.type === 'image' || content.type === 'video' || content.type === 'audio' || content.type === 'file' ? (
        <>
          <TextField
            label="URL"
            type="url"
            value={content.url}
            onChange={(url) => set({ ...content, url }, 'url')}
            placeholder="https://…"
          />
          {content.type === 'file' ? (
            <TextField label="File name" value={content.name} onChange={(name) => set({ ...content, name }, 'name')} />
          ) : null}
          {content.type === 'image' ? (
            <TextField
              label="Alternative text"
              {...optionalText({ value: content.alt, onChange: (alt) => set({ ...content, alt }, 'alt') })}
            />
          ) : null}
          <TemplateField
            label="Caption"
            multiline={false}
            {...optionalText({ value: caption, onChange: (c) => set({ ...content, caption: c }, 'caption') })}
          />
        </>
      ) : null}
      {content.type === 'link' ? (
        <>
          <TemplateField
            label="Text above the button"
            {...optionalText({ value: content.text, onChange: (text) => set({ ...content, text }, 'text') })}
          />
          <TextField
            label="Button label"
            value={content.label}
            onChange={(label) => set({ ...content, label }, 'label')}
          />
          <TextField label="URL" type="url" value={content.url} onChange={(url) => set({ ...content, url }, 'url')} />
        </>
      ) : null}
      {content.type === 'carousel' ? (
        <ListEditor
          items={content.cards}
          itemName="card"
          addLabel="Add card"
          min={1}
          max={10}
          create={() => ({ title: `Card ${content.cards.length + 1}`, buttons: [] })}
          onChange={(cards) => set({ ...content, cards }, 'cards')}
          renderItem={(card, setCard) => <CardEditor card={card} update={setCard} />}
        />
      ) : null}
    </>
  );
}
