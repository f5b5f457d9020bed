import { describe, expect, it } from 'vitest';
import { get, getEntry } from '../../parsers/document.js';
import { parseDataDocument } from '../../parsers/cloudformation/yaml.js';
import { parseTemplate } from '../../parsers/cloudformation/index.js';
import { reindentQuotedContinuations } from '../../parsers/cloudformation/lenient.js';

const template = (outputs: string) =>
  ['Resources:', '  Topic:', '    Type: AWS::SNS::Topic', 'Outputs:', '  Help:', outputs].join('\n') + '\n';

describe('lenient retry: quoted scalars continued at the key indentation', () => {
  it('a single-quoted scalar continued at its key column parses, as the AWS CLI reads it', () => {
    const text = template(["    Value: 'Log in to the console, select", "    your instance from the list, it''s there.'", '    Description: after'].join('\n'));
    const r = parseTemplate('t.yaml', text);
    expect(r.kind).toBe('template');
    if (r.kind !== 'template') return;
    const help = get(get(r.document.root, 'Outputs'), 'Help');
    const value = get(help, 'Value');
    expect(value?.kind === 'scalar' && value.value).toBe("Log in to the console, select your instance from the list, it's there.");
    // Positions are those of the file as written: the value starts at 6:12 and ends on line 7.
    expect(value?.span.start).toEqual({ line: 6, column: 12 });
    expect(value?.span.end).toEqual({ line: 7, column: 47 });
    expect(getEntry(help, 'Description')?.keySpan.start).toEqual({ line: 8, column: 5 });
  });

  it('a double-quoted scalar continued left of its key column parses too', () => {
    const text = template(['    Value: "one \\"two\\"', '  three"'].join('\n'));
    const r = parseTemplate('t.yaml', text);
    expect(r.kind).toBe('template');
    if (r.kind !== 'template') return;
    const value = get(get(get(r.document.root, 'Outputs'), 'Help'), 'Value');
    expect(value?.kind === 'scalar' && value.value).toBe('one "two" three');
    expect(value?.span.end).toEqual({ line: 7, column: 9 });
  });

  it('duplicate keys stay errors after the retry, at their column in the file', () => {
    const text = template(["    Value: 'a", "    b'", '    Value: again'].join('\n'));
    const r = parseTemplate('t.yaml', text);
    expect(r.kind).toBe('error');
    if (r.kind !== 'error') return;
    expect(r.errors.map((e) => [e.kind, e.line, e.column])).toEqual([['duplicate-key', 8, 5]]);
  });

  it('other syntax errors are reported as written, not as the retry saw them', () => {
    const text = template(["    Value: 'never closed", '    more text'].join('\n'));
    const r = parseTemplate('t.yaml', text);
    expect(r.kind).toBe('error');
    if (r.kind !== 'error') return;
    expect(r.errors).toEqual(parseDataDocument('t.yaml', text).errors);
    expect(r.errors[0]).toMatchObject({ kind: 'syntax', line: 8, column: 1 });
  });

  it('leaves block scalars and properly indented quotes alone', () => {
    expect(reindentQuotedContinuations(["A: |", "  x: 'y", "  z", "B: 'ok'", "C: 'multi", "   line'"].join('\n'))).toBeUndefined();
    const fixed = reindentQuotedContinuations(["  - 'item", "  rest'", "  - b"].join('\n'));
    expect(fixed?.text).toBe(["  - 'item", "   rest'", "  - b"].join('\n'));
    expect([...(fixed?.shifts ?? [])]).toEqual([[1, 1]]);
  });
});
