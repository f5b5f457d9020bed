import { describe, expect, it } from 'vitest';
import { buildDiagram, toDot, toMermaid } from '../../src/diagram/index.js';
import type { Diagram } from '../../src/diagram/index.js';
import type { ScanOutput } from '../../src/scan.js';
import { scanSnippet } from '../helpers/scan-snippet.js';

function diagramOf(out: ScanOutput): Diagram {
  return buildDiagram(out.graph!, out.model!, out.result.findings);
}
const idOf = (d: Diagram, label: string): string => d.nodes.find((n) => n.label === label)!.id;

describe('"logs to" edges: where each log source delivers its logs', () => {
  it('terraform: a load balancer draws a dashed logs edge to its access-log bucket', async () => {
    const d = diagramOf(await scanSnippet('terraform', `
      resource "aws_lb" "web" {
        subnets = ["subnet-1", "subnet-2"]
        access_logs {
          bucket  = aws_s3_bucket.logs.id
          enabled = true
        }
      }
      resource "aws_s3_bucket" "logs" { bucket = "central-lb-logs" }
    `));
    const lb = idOf(d, 'aws_lb.web');
    const bucket = idOf(d, 'aws_s3_bucket.logs');
    expect(d.edges.filter((e) => e.from === lb && e.to === bucket)).toEqual([{ from: lb, to: bucket, kind: 'logs', label: 'access logs' }]);
    expect(toDot(d)).toMatch(/style="?dashed"?/);
    expect(toMermaid(d)).toContain('-.->');
  });

  it('cloudformation: a trail and a web ACL draw logs edges to their log groups', async () => {
    const d = diagramOf(await scanSnippet('cloudformation', `
      Resources:
        Trail:
          Type: AWS::CloudTrail::Trail
          Properties:
            IsLogging: true
            S3BucketName: org-trail-archive
            CloudWatchLogsLogGroupArn: !GetAtt TrailLogs.Arn
        TrailLogs:
          Type: AWS::Logs::LogGroup
          Properties: { RetentionInDays: 30 }
        Acl:
          Type: AWS::WAFv2::WebACL
          Properties: { Scope: REGIONAL, DefaultAction: { Allow: {} } }
        AclLogging:
          Type: AWS::WAFv2::LoggingConfiguration
          Properties: { ResourceArn: !GetAtt Acl.Arn, LogDestinationConfigs: [!GetAtt WafLogs.Arn] }
        WafLogs:
          Type: AWS::Logs::LogGroup
          Properties: { LogGroupName: aws-waf-logs-app, RetentionInDays: 30 }
    `));
    const edge = (from: string, to: string) => d.edges.find((e) => e.from === idOf(d, from) && e.to === idOf(d, to));
    expect(edge('Trail', 'TrailLogs')).toMatchObject({ kind: 'logs', label: 'events to CloudWatch Logs' });
    expect(edge('Acl', 'WafLogs')).toMatchObject({ kind: 'logs', label: 'logs' });
  });
});
