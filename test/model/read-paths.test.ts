import { describe, expect, it } from 'vitest';
import { PropertyReader } from '../../src/model/read.js';
import type { Path } from '../../src/model/read.js';
import { scanSnippet } from '../helpers/scan-snippet.js';

/** The spelling of a property path in origins, written out in one go: the tree of steps in read.ts must give the same. */
function spelled(prefix: string, path: Path): string {
  const joined = path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');
  return prefix ? (joined ? `${prefix}.${joined}` : prefix) : joined;
}

const PATHS: Path[] = [
  [], ['BucketName'], ['Tags', 0, 'Key'], ['Tags', 0], [0], [0, 1], ['a.[b', 'c'], ['[x]', 'y'], ['a', '[x]'], ['a.', '[x]'], ['', 'x'], [''], ['', ''], ['0', 0],
];

describe('origin paths', () => {
  it('spell every path the same, whether built or found again, with and without a prefix', async () => {
    const out = await scanSnippet('cloudformation', `
      Resources:
        Data:
          Type: AWS::S3::Bucket
    `);
    const node = out.graph!.nodes[0]!;
    for (const prefix of ['Properties', '']) {
      const first = PATHS.map((p) => new PropertyReader(node, out.graph!, prefix).origin(p).path);
      const again = PATHS.map((p) => new PropertyReader(node, out.graph!, prefix).origin(p).path);
      expect(first).toEqual(PATHS.map((p) => spelled(prefix, p)));
      expect(again).toEqual(first);
    }
  });
});
