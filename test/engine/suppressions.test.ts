import { describe, expect, it } from 'vitest';
import { scanSnippet } from '../helpers/scan-snippet.js';

const OPEN_BUCKET = (comment: string) => `
  Resources:
    ${comment}
    Site:
      Type: AWS::S3::Bucket
      Properties:
        AccessControl: PublicRead
`;

describe('suppressions', () => {
  it('keep a suppressed finding, marked with its reason and where it was written', async () => {
    const { result } = await scanSnippet('cloudformation', OPEN_BUCKET('# iac-check:ignore s3-public-access public website, reviewed in SEC-12'), { rules: ['s3-public-access'] });
    const acl = result.findings.find((f) => f.messageId === 'publicAcl');
    expect(acl?.suppression).toEqual({ kind: 'inSource', reason: 'public website, reviewed in SEC-12', span: expect.objectContaining({ start: { line: 2, column: 3 } }) });
  });

  it('are not honoured without a reason', async () => {
    const { result } = await scanSnippet('cloudformation', OPEN_BUCKET('# iac-check:ignore s3-public-access'), { rules: ['s3-public-access', 'suppression-reason'] });
    expect(result.findings.find((f) => f.messageId === 'publicAcl')?.suppression).toBeUndefined();
    expect(result.findings.filter((f) => f.ruleId === 'suppression-reason').map((f) => f.location.span.start.line)).toEqual([2]);
  });

  it('that match no finding are said as notices, so stale ones get removed', async () => {
    const { result } = await scanSnippet('cloudformation', OPEN_BUCKET('# iac-check:ignore multi-az nothing to see'), { rules: ['multi-az'] });
    expect(result.notices.map((n) => [n.ruleId, n.span.start.line, n.message])).toEqual([['multi-az', 2, 'unused suppression of multi-az: the rule finds nothing here']]);
  });

  it('from the configuration apply to the resource they name, as external suppressions', async () => {
    const ignore = [{ rule: 's3-public-access', resource: 'Site', reason: 'accepted by the CISO' }];
    const { result } = await scanSnippet('cloudformation', OPEN_BUCKET(''), { rules: ['s3-public-access'], config: { ignore } });
    expect(result.findings.length).toBeGreaterThan(0);
    for (const f of result.findings) expect(f.suppression).toEqual({ kind: 'external', reason: 'accepted by the CISO' });
    const other = await scanSnippet('cloudformation', OPEN_BUCKET(''), { rules: ['s3-public-access'], config: { ignore: [{ ...ignore[0]!, resource: 'Other' }] } });
    for (const f of other.result.findings) expect(f.suppression).toBeUndefined();
  });
});
