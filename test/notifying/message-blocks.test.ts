import { describe, expect, it } from '@jest/globals';

import { buildDigestMessage } from '../../src/notifying/digest-blocks';
import { buildNotificationMessage, splitText, truncate } from '../../src/notifying/message-blocks';

type Block = { type: string; text?: { text: string }; elements?: unknown[] };

describe('buildNotificationMessage', () => {
  it('puts the title in a header, the body in a section and the link first among buttons', () => {
    const message = buildNotificationMessage({
      title: 'New capsule',
      body: 'Safety <first> & always',
      link: { url: 'https://acme.cocoom.com/c/1', text: 'Open in Cocoom' },
      buttons: [{ text: 'Later', url: 'https://acme.cocoom.com/later' }],
    });

    const blocks = message.blocks as Block[];
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'actions']);
    expect(blocks[1]?.text?.text).toBe('Safety &lt;first&gt; &amp; always');
    expect(blocks[2]?.elements).toMatchObject([
      { type: 'button', style: 'primary', url: 'https://acme.cocoom.com/c/1' },
      { type: 'button', text: { text: 'Later' } },
    ]);
    expect(message.text).toBe('New capsule: Safety &lt;first&gt; &amp; always');
  });

  it('never exceeds 50 blocks, 150 header or 3000 section characters, whatever the input', () => {
    const message = buildNotificationMessage({
      title: '😀'.repeat(200),
      body: 'x'.repeat(500_000),
    });

    const blocks = message.blocks as Block[];
    expect(blocks).toHaveLength(50);
    expect(blocks[0]?.text?.text.length).toBeLessThanOrEqual(150);
    expect(blocks.every((b) => (b.text?.text.length ?? 0) <= 3000)).toBe(true);
    expect(blocks.at(-1)?.text?.text.endsWith('…')).toBe(true);
    expect(message.text.length).toBeLessThanOrEqual(300);
  });
});

describe('text helpers', () => {
  it('truncates without splitting a surrogate pair', () => {
    const cut = truncate('ab😀cd', 4);

    expect(cut).toBe('ab…');
    expect(cut.length).toBeLessThanOrEqual(4);
  });

  it('splits at a space near the limit and never inside an escape', () => {
    expect(splitText('aaaa bbbb cccc', 10)).toEqual(['aaaa bbbb', 'cccc']);
    expect(splitText('aaaaaaa&amp;bb', 10)).toEqual(['aaaaaaa', '&amp;bb']);
  });
});

describe('buildDigestMessage', () => {
  it('lists each notification, linked when it has a link', () => {
    const message = buildDigestMessage({
      heading: '2 new notifications: Quizzes',
      items: [{ title: 'Quiz <1>', link: 'https://acme.cocoom.com/q/1' }, { title: 'Quiz 2' }],
    });

    const blocks = message.blocks as Block[];
    expect(blocks[0]?.text?.text).toBe('2 new notifications: Quizzes');
    const list = '• <https://acme.cocoom.com/q/1|Quiz &lt;1&gt;>\n• Quiz 2';
    expect(blocks[1]?.text?.text).toBe(list);
  });
});
