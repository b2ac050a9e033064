import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { fuzzyContains } from './text.js';

const NAME = 'nong nghiep dong tien';

describe('fuzzyContains', () => {
  it('accepts one typo of any kind inside a longer name', () => {
    expect(fuzzyContains(NAME, 'dong tien')).toBe(true);
    expect(fuzzyContains(NAME, 'dong tein')).toBe(true); // swapped letters
    expect(fuzzyContains(NAME, 'nong ngiep')).toBe(true); // missing letter
    expect(fuzzyContains(NAME, 'dong tiem')).toBe(true); // wrong letter
    expect(fuzzyContains(NAME, 'dongtien')).toBe(true); // missing space
    expect(fuzzyContains(NAME, 'dong tiene')).toBe(true); // extra letter
  });

  it('refuses two typos or a different word', () => {
    expect(fuzzyContains(NAME, 'dong tam')).toBe(false);
    expect(fuzzyContains(NAME, 'dong tein x')).toBe(false);
    expect(fuzzyContains(NAME, 'hong phong')).toBe(false);
    expect(fuzzyContains(NAME, 'dong tein', 0)).toBe(false);
  });

  const word = fc.string({
    unit: fc.constantFrom(...'abcdeghiklmnopqrstuvxy '),
    minLength: 4,
    maxLength: 12,
  });
  test.prop([word, word, word])(
    'finds any substring exactly, and after any single edit',
    (pre, mid, post) => {
      const text = pre + mid + post;
      expect(fuzzyContains(text, mid, 0)).toBe(true);
      const i = mid.length >> 1;
      const swapped = mid.slice(0, i) + mid[i + 1] + mid[i] + mid.slice(i + 2);
      expect(fuzzyContains(text, swapped)).toBe(true);
      expect(fuzzyContains(text, mid.slice(0, i) + mid.slice(i + 1))).toBe(true);
      expect(fuzzyContains(text, `${mid.slice(0, i)}z${mid.slice(i)}`)).toBe(true);
      expect(fuzzyContains(text, `${mid.slice(0, i)}z${mid.slice(i + 1)}`)).toBe(true);
    },
  );

  test.prop([word])('never matches a pattern longer than the text by more than the edits allowed', (t) => {
    expect(fuzzyContains(t, `${t}zz`)).toBe(false);
  });
});
