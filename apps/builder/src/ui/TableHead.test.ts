import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, test } from 'vitest';
import { TableHead } from './TableHead';

const render = (props: Parameters<typeof TableHead>[0]) => renderToStaticMarkup(createElement(TableHead, props));

test('one column header per name, in order', () => {
  expect(render({ columns: ['When', 'Who'] })).toBe(
    '<thead><tr><th scope="col">When</th><th scope="col">Who</th></tr></thead>',
  );
});

test('an actions column is named for screen readers only', () => {
  const html = render({ columns: ['Name'], actions: true });
  expect(html).toContain('<th scope="col"><span class="visually-hidden">Actions</span></th></tr>');
});

test('a name is text, never markup', () => {
  expect(render({ columns: ['<b>x</b>'] })).toContain('&lt;b&gt;x&lt;/b&gt;');
});
