import { describe, expect, it } from 'vitest';
import { KnowledgeFileError, MAX_KNOWLEDGE_FILE_BYTES, parseKnowledgeFile } from '../../src/knowledge/file-parse';
import { makeDocx, makePdf } from './file-fixtures';

const encode = (text: string) => new TextEncoder().encode(text);

describe('knowledge file parsing', () => {
  it('reads the text of a PDF through unpdf', async () => {
    const document = await parseKnowledgeFile(
      'warranty.pdf',
      makePdf(['Warranty lasts two years.', 'Keep the receipt.']),
    );
    expect(document.title).toBe('warranty.pdf');
    expect(document.text).toContain('Warranty lasts two years.');
    expect(document.text).toContain('Keep the receipt.');
  });

  it('reads the paragraphs of a DOCX through mammoth', async () => {
    const document = await parseKnowledgeFile('policy.docx', await makeDocx(['Refunds take five days.', 'Call us.']));
    expect(document.text).toBe('Refunds take five days.\n\nCall us.');
  });

  it('reads Markdown and TXT as they are, and HTML without scripts or navigation', async () => {
    expect((await parseKnowledgeFile('a.md', encode('# Hours\n\nOpen at nine.'))).text).toBe(
      '# Hours\n\nOpen at nine.',
    );
    expect((await parseKnowledgeFile('b.txt', encode('Plain words.\n'))).text).toBe('Plain words.');
    const html = await parseKnowledgeFile(
      'c.html',
      encode(
        '<html><head><title>Help</title><script>alert(1)</script></head><body><nav>Menu</nav><p>Ask &amp; learn.</p></body></html>',
      ),
    );
    expect(html).toEqual({ title: 'Help', url: null, text: 'Ask & learn.' });
  });

  it('says which file failed and why for corrupt, empty, unknown or too large files', async () => {
    await expect(parseKnowledgeFile('broken.pdf', encode('%PDF-1.4 this is not a pdf'))).rejects.toThrow(
      /^broken\.pdf: could not be read as PDF/,
    );
    await expect(parseKnowledgeFile('broken.docx', encode('not a zip'))).rejects.toThrow(
      /^broken\.docx: could not be read as DOCX/,
    );
    await expect(parseKnowledgeFile('empty.txt', encode('   '))).rejects.toThrow('empty.txt: no text found');
    await expect(parseKnowledgeFile('sheet.xlsx', encode('x'))).rejects.toThrow('sheet.xlsx: unsupported file type');
    await expect(parseKnowledgeFile('latin1.txt', new Uint8Array([0xff, 0xfe, 0xe9]))).rejects.toBeInstanceOf(
      KnowledgeFileError,
    );
    const tooLarge = new Uint8Array(MAX_KNOWLEDGE_FILE_BYTES + 1);
    await expect(parseKnowledgeFile('huge.txt', tooLarge)).rejects.toThrow('huge.txt: file is larger than 10 MB');
  });
});
