import { describe, expect, it } from 'vitest';
import { byId, how, namesKey, property, undecided } from '../../src/engine/kit.js';
import { resource, val } from '../helpers/model-builders.js';

describe('rule-authoring kit', () => {
  it('says which default was assumed, or what was written', () => {
    expect(how(val.dflt(false, 'false: unencrypted storage'))).toBe('is not set, so the default applies (false: unencrypted storage)');
    expect(how(val.set(false))).toBe('is false');
    expect(how(val.set(1))).toBe('is 1');
    expect(how(val.set('gp2'))).toBe('is "gp2"');
    expect(how(val.unknown('a parameter without a default'))).toBe('is unknown (a parameter without a default)');
  });

  it('names the property as the template spells it', () => {
    expect(property(val.set(true, 1, 1, 'Properties.StorageEncrypted'))).toBe('StorageEncrypted');
    expect(property(val.set(true, 1, 1, 'storage_encrypted'))).toBe('storage_encrypted');
  });

  it('counts a key reference whose value is known only after deployment as a key', () => {
    expect(namesKey(val.unknown('a reference'))).toBe(true);
    expect(namesKey(val.set('arn:aws:kms:us-east-1:111122223333:key/1'))).toBe(true);
    expect(namesKey(val.dflt('', 'no KMS key'))).toBe(false);
    expect(namesKey(undefined)).toBe(false);
  });

  it('turns an unknown value into a notice at the value, and nothing else', () => {
    const notices: { at: unknown; reason: string }[] = [];
    const ctx = { undecidable: (_r: unknown, at: unknown, reason: string) => notices.push({ at, reason }) };
    const db = resource('Db', 'AWS::RDS::DBInstance');
    const unknown = val.unknown('a parameter without a default', 8, 25);
    expect(undecided(ctx, db, unknown, 'Multi-AZ')).toBe(true);
    expect(undecided(ctx, db, val.set(false), 'Multi-AZ')).toBe(false);
    expect(notices).toEqual([{ at: unknown, reason: 'Multi-AZ is unknown: a parameter without a default' }]);
  });
});

describe('byId', () => {
  it('finds the first resource of an id, as a scan of the list would, and makes the index once per list', () => {
    const a = resource('A', 'AWS::EC2::VPC');
    const b = resource('B', 'AWS::EC2::VPC');
    const twin = { resource: { ...a.resource, address: 'A twin' } };
    const list = [a, b, twin];
    const index = byId(list);
    for (const r of list) expect(index.get(r.resource.id)).toBe(list.find((x) => x.resource.id === r.resource.id));
    expect(index.get('no such id')).toBeUndefined();
    expect(byId(list)).toBe(index);
  });
});
