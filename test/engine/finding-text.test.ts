import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fill, fingerprint, sha256Hex, sha256HexByObject } from '../../src/engine/engine.js';

describe('finding text and identity', () => {
  it('fills message placeholders as a regular-expression replace would', () => {
    const templates = ['{{what}} runs in one AZ: `{{property}}` {{how}}.', 'no placeholder', '{{ spaced }}{{what}}', '{{missing}} stays', '{{what}}'];
    const data = { what: 'RDS instance', property: 'MultiAZ', how: 'is false', spaced: 7 };
    for (const t of templates) {
      const expected = t.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => String((data as Record<string, unknown>)[k] ?? `{{${k}}}`));
      // Twice: the first call splits the template, the second reuses the parts.
      expect(fill(t, data)).toBe(expected);
      expect(fill(t, data)).toBe(expected);
    }
    expect(fill('{{missing}} stays', undefined)).toBe('{{missing}} stays');
    expect(fill('a $& b {{x}}', { x: '$1' })).toBe('a $& b $1');
  });

  it('hashes the same with the one-shot digest and with a Hash object', () => {
    for (const text of ['', 'multi-az\u0000a.yaml\u0000Db\u0000Properties.MultiAZ', 'é ✓ 𝄞']) {
      const reference = createHash('sha256').update(text).digest('hex');
      expect(sha256Hex(text)).toBe(reference);
      expect(sha256HexByObject(text)).toBe(reference);
    }
  });

  it('fingerprints a finding by the first 16 bytes of the digest of rule, file, address and path', () => {
    const reference = createHash('sha256').update(['multi-az', 'a.yaml', 'Db', 'Properties.MultiAZ'].join('\u0000')).digest().toString('hex', 0, 16);
    expect(fingerprint('multi-az', 'a.yaml', 'Db', 'Properties.MultiAZ')).toBe(reference);
    expect(fingerprint('multi-az', 'a.yaml', 'Db', '')).toHaveLength(32);
  });
});
