/**
 * The process keeps one nextTick object alive (keep-tick-shape.ts), and the server's entry points load that module
 * before anything else, since a full collection before it would already have cost the fast path for good. The speed
 * itself is measured by the bench's http case, not here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keptTickObject } from './keep-tick-shape.js';

const firstImport = (file: string) =>
  readFileSync(new URL(file, import.meta.url), 'utf8')
    .split('\n')
    .find((l) => l.startsWith('import '));

describe('the kept tick object', () => {
  it('holds a tick object of process.nextTick', () => {
    const kept = keptTickObject() as { callback?: unknown } | undefined;
    expect(kept).toBeDefined();
    expect(typeof kept?.callback).toBe('function');
  });

  it('is the first import of the server and of npm start', () => {
    expect(firstImport('../main.ts')).toBe("import './runtime/keep-tick-shape.js';");
    expect(firstImport('../../scripts/start.ts')).toBe("import '../server/runtime/keep-tick-shape.js';");
  });
});
