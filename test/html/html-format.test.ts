import { describe, expect, it } from 'vitest';
import { formatHtml } from '../../src/report/html.js';
import { renderHtmlReport } from '../../src/cli/html-report.js';
import { scanSnippet } from '../helpers/scan-snippet.js';

const HOSTILE = `
  AWSTemplateFormatVersion: '2010-09-09'
  Resources:
    "Web</script><script>alert(1)</script>":
      Type: AWS::EC2::SecurityGroup
      Properties:
        GroupDescription: "<img src=x onerror=alert(1)>"
        SecurityGroupIngress:
          - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }
`;

describe('the HTML report', () => {
  it('is one self-contained file: no external scripts, styles, fonts or images', async () => {
    const out = await scanSnippet('cloudformation', HOSTILE);
    const html = await renderHtmlReport(out, { toolVersion: '0.0.0', delivery: 'saas' });
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+href=/);
    expect(html).not.toMatch(/(src|xlink:href)="https?:/);
    expect(html).not.toMatch(/url\(\s*['"]?https?:/);
    // The content security policy forbids any fetch by the page.
    expect(html).toContain("default-src 'none'");
  });

  it('cannot be broken out of by names from the scanned code', async () => {
    const out = await scanSnippet('cloudformation', HOSTILE);
    expect(out.result.findings.length).toBeGreaterThan(0);
    const html = formatHtml(out.result, out.rules, { toolVersion: '0.0.0', delivery: 'saas' });
    // Exactly the report's own two script elements.
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).not.toContain('</script><script>alert');
    expect(html).toContain('\\u003c/script>\\u003cscript>alert(1)\\u003c/script>');
  });

  it('holds the checklist, the summary and a filter per rule, file and control', async () => {
    const out = await scanSnippet('cloudformation', HOSTILE);
    const html = formatHtml(out.result, out.rules, { toolVersion: '0.0.0', delivery: 'saas' });
    expect(html).toContain('<section id="checklist">');
    const unsuppressed = out.result.findings.filter((f) => !f.suppression).length;
    expect(html).toMatch(/<td>1\.15<\/td>.*<td>fail: \d+, worst critical<\/td>/);
    expect(html).toContain('<option>sg-open-admin-ports</option>');
    expect(html).toContain('<option>template.yaml</option>');
    expect(html).toContain('<option>1.15</option>');
    expect(html).toContain(`${unsuppressed} findings · 1 critical`);
  });
});
