import { describe, expect, it } from 'vitest';
import { spanOf } from '../../src/core/source.js';
import { render } from '../../src/report/index.js';
import { escapeMarkdown, formatMarkdown } from '../../src/report/markdown.js';
import { RULES, finding, scanResult } from './fixtures.js';

/** Cell separators of a table row: pipes that are not escaped. */
function cells(row: string): string[] {
  expect(row.startsWith('| ')).toBe(true);
  expect(row.endsWith(' |')).toBe(true);
  return row.slice(2, -2).split(' | ');
}

function section(out: string, heading: string): string {
  const start = out.indexOf(heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const rest = out.slice(start + heading.length);
  const next = rest.search(/\n#{2,4} |\n<details>/);
  return next < 0 ? rest : rest.slice(0, next);
}

describe('escapeMarkdown', () => {
  it('turns table and HTML characters into entities and emphasis characters into escapes', () => {
    expect(escapeMarkdown('a|b')).toBe('a&#124;b');
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(escapeMarkdown('`rm -rf`')).toBe('&#96;rm -rf&#96;');
    expect(escapeMarkdown('&#124;')).toBe('&amp;#124;');
    expect(escapeMarkdown('ping @octocat')).toBe('ping &#64;octocat');
    expect(escapeMarkdown('aws_s3_bucket.my*[x]~\\')).toBe('aws\\_s3\\_bucket.my\\*\\[x\\]\\~\\\\');
  });

  it('keeps text on one line and shows control characters', () => {
    expect(escapeMarkdown('line one\nline two\r\nthree\tfour')).toBe('line one line two three four');
    expect(escapeMarkdown('x\u001b[31my')).toBe('x\\x1b\\[31my');
  });

  it('leaves ordinary text alone', () => {
    expect(escapeMarkdown('Port 22 is open to 0.0.0.0/0.')).toBe('Port 22 is open to 0.0.0.0/0.');
  });
});

describe('formatMarkdown', () => {
  it('starts with a title and a summary table of counts', () => {
    const out = formatMarkdown(scanResult(), RULES);
    const lines = out.split('\n');
    expect(lines[0]).toBe('## iac-check report');
    expect(out).toContain('**3 findings** in 2 files: 2 critical, 1 high.');
    expect(out).toContain('**1 file could not be read or parsed**: it was not checked');
    for (const [label, n] of [
      ['critical', '2'],
      ['high', '1'],
      ['medium', '0'],
      ['low', '0'],
      ['**findings**', '**3**'],
      ['files scanned', '4'],
      ['files with findings', '2'],
      ['resources', '17'],
      ['input errors', '1'],
      ['suppressed', '1'],
    ]) {
      expect(lines).toContain(`| ${label} | ${n} |`);
    }
    expect(out.endsWith('\n')).toBe(true);
    expect(out.endsWith('\n\n')).toBe(false);
  });

  it('groups unsuppressed findings by rule, worst severity and most findings first, sorted by file and line', () => {
    const out = formatMarkdown(scanResult(), RULES);
    const sg = out.indexOf('#### Security groups do not allow ingress from the internet (`sg-restricted-ingress`)');
    const s3 = out.indexOf('#### S3 buckets block public access (`s3-public-access`)');
    expect(sg).toBeGreaterThan(out.indexOf('### Findings'));
    expect(s3).toBeGreaterThan(sg);

    const sgPart = section(out, '(`sg-restricted-ingress`)');
    expect(sgPart).toContain('Severity: **critical** · Controls: 1.20 · 2 findings');
    expect(sgPart).toContain('docs/rules/sg-restricted-ingress.md');
    const sgRows = sgPart.split('\n').filter((l) => l.startsWith('| infra/'));
    expect(sgRows.map((r) => cells(r))).toEqual([
      ['infra/network.yaml:9', 'high', 'AppSg (AWS::EC2::SecurityGroup) · construct App/Stack/AppSg', 'Port 8080 is open to 0.0.0.0/0.'],
      ['infra/network.yaml:30', 'critical', 'WebSg (AWS::EC2::SecurityGroup)', 'Port 22 is open to 0.0.0.0/0.'],
    ]);

    const s3Part = section(out, '(`s3-public-access`)');
    expect(s3Part).toContain('Controls: 1.15, 1.16 · 1 finding');
    expect(s3Part).not.toContain('network.yaml');
    expect(s3Part).toContain('| infra/storage.yaml:12 | critical | LogsBucket (AWS::S3::Bucket) | Bucket logs grants PublicRead to everyone. |');
  });

  it('puts a rule with only a medium finding after rules with critical ones', () => {
    const result = scanResult({
      findings: [
        finding({ ruleId: 'multi-az', severity: 'medium', message: 'Database is in one AZ.', span: spanOf('a.yaml', 1, 1, 1, 1) }),
        finding({ span: spanOf('z.yaml', 9, 1, 9, 1) }),
      ],
    });
    const out = formatMarkdown(result, RULES);
    expect(out.indexOf('(`s3-public-access`)')).toBeLessThan(out.indexOf('(`multi-az`)'));
    expect(section(out, '(`multi-az`)')).toContain('Severity: **medium** · Controls: — · 1 finding');
  });

  it('shows suppressed findings with their reason only inside a collapsible details block', () => {
    const out = formatMarkdown(scanResult(), RULES);
    const details = out.indexOf('<details>\n<summary>1 suppressed finding</summary>\n\n');
    expect(details).toBeGreaterThan(0);
    expect(out.indexOf('Database is in one AZ.')).toBeGreaterThan(details);
    expect(out).toContain('| infra/db.yaml:4 | `multi-az` | Db (AWS::RDS::DBInstance) | Database is in one AZ. | dev database, single AZ by design |');
    expect(out).not.toContain('(`multi-az`)');
    expect(out.slice(details)).toContain('\n\n</details>');
  });

  it('lists input errors with file, line, column and kind', () => {
    const out = formatMarkdown(scanResult(), RULES);
    expect(section(out, '### Input errors')).toContain('| infra/broken.yaml:3:5 | syntax | unexpected end of flow mapping |');
  });

  it('escapes scanned content so every table row keeps its columns', () => {
    const nasty = finding({
      message: 'Value `a|b` <script>alert(1)</script>\nsecond line | @octocat',
      resource: { address: 'Bad|Name<x>', type: 'AWS::S3::Bucket', source: 'cloudformation' },
      span: spanOf('dir|x/`f`.yaml', 2, 1, 2, 5),
      suppression: undefined,
    });
    const hidden = finding({
      fingerprint: 'ffff',
      suppression: { kind: 'external', reason: 'because | </details> <b>' },
    });
    const result = scanResult({
      findings: [nasty, hidden],
      notices: [],
      errors: [{ file: 'x|y.yaml', line: 1, column: 1, message: 'expected `:` | got <EOF>', kind: 'syntax' }],
    });
    const out = formatMarkdown(result, RULES);
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<b>');
    expect(out).not.toContain('@octocat');
    expect(out.match(/<\/details>/g)).toHaveLength(1);
    const findingRow = out.split('\n').find((l) => l.startsWith('| dir'))!;
    expect(cells(findingRow)).toHaveLength(4);
    expect(findingRow).not.toContain('`');
    expect(findingRow).toContain('dir&#124;x/&#96;f&#96;.yaml:2');
    expect(findingRow).toContain('Bad&#124;Name&lt;x&gt; (AWS::S3::Bucket)');
    expect(findingRow).toContain('Value &#96;a&#124;b&#96; &lt;script&gt;alert(1)&lt;/script&gt; second line &#124; &#64;octocat');
    const errorRow = out.split('\n').find((l) => l.startsWith('| x'))!;
    expect(cells(errorRow)).toEqual(['x&#124;y.yaml:1:1', 'syntax', 'expected &#96;:&#96; &#124; got &lt;EOF&gt;']);
    const suppressedRow = out.split('\n').find((l) => l.includes('because'))!;
    expect(cells(suppressedRow)).toHaveLength(5);
    expect(suppressedRow).toContain('because &#124; &lt;/details&gt; &lt;b&gt;');
  });

  it('says so when there are no findings, and has no finding or suppressed sections', () => {
    const out = formatMarkdown(scanResult({ findings: [], errors: [], notices: [] }), RULES);
    expect(out).toContain('**No findings.**');
    expect(out).toContain('| **findings** | **0** |');
    expect(out).not.toContain('### Findings');
    expect(out).not.toContain('<details>');
    expect(out).not.toContain('could not be read');
  });

  it('shows a finding of a rule it does not know under the rule id', () => {
    const out = formatMarkdown(scanResult({ findings: [finding({ ruleId: 'gone-rule', controls: ['2.2'] })] }), RULES);
    expect(out).toContain('#### gone-rule (`gone-rule`)');
    expect(out).toContain('Controls: 2.2 · 1 finding');
    expect(out).not.toContain('docs/rules/gone-rule.md');
  });

  it('is what render() returns for the markdown format', () => {
    expect(render('markdown', scanResult(), RULES, { toolVersion: '0.0.0' })).toBe(formatMarkdown(scanResult(), RULES));
  });
});
