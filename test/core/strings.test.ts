import { describe, expect, it } from 'vitest';
import { detach, Interner } from '../../src/core/strings.js';

describe('detach and Interner', () => {
  it('keep the value', () => {
    const big = `${'x'.repeat(10_000)}aws_s3_bucket.b[12345]`;
    for (const s of ['', 'short', big.slice(10_000), big]) expect(detach(s)).toBe(s);
  });
  it('give one copy of equal strings', () => {
    const i = new Interner();
    const a = ['server_side_encryption', 'configuration'].join('_');
    const b = `server_side_${'encryption_configuration'}`;
    expect(i.intern(a)).toBe(a);
    expect(i.intern(b)).toBe(i.intern(a));
  });
});
