/** Hand-built scan results and small fake rules for the reporter tests. */
import { spanOf } from '../../src/core/source.js';
import type { Span } from '../../src/core/source.js';
import { defineRule } from '../../src/engine/rule.js';
import type { Rule } from '../../src/engine/rule.js';
import type { Finding, ScanResult } from '../../src/engine/types.js';

export const bucketPublic = defineRule({
  meta: {
    id: 's3-public-access',
    title: 'S3 buckets block public access',
    severity: 'critical',
    controls: ['1.15', '1.16'],
    rationale: 'A public bucket exposes customer data to anyone on the internet.',
    remediation: 'Enable all four settings of the bucket public access block and remove public grants.',
    messages: {
      publicAcl: 'Bucket {{name}} grants {{acl}} to everyone.',
      blockOff: '{{flag}} is off.',
    },
    precision: 'very-high',
    examples: {},
  },
  check() {},
});

export const sgIngress = defineRule({
  meta: {
    id: 'sg-restricted-ingress',
    title: 'Security groups do not allow ingress from the internet',
    severity: 'high',
    controls: ['1.20'],
    // Longer than GitHub's 1,024-character limit for fullDescription: the reporter must cut it.
    rationale: `${'Open ingress lets anyone reach the instance. '.repeat(40)}End.`,
    remediation: 'Restrict the CIDR to known ranges or reference another security group.',
    messages: { open: 'Port {{port}} is open to {{cidr}}.' },
    tags: ['network'],
    examples: {},
  },
  check() {},
});

export const multiAz = defineRule({
  meta: {
    id: 'multi-az',
    title: 'Stateful services span two availability zones',
    severity: 'medium',
    controls: [],
    rationale: 'One AZ is one failure away from downtime.',
    remediation: 'Set MultiAZ: true.',
    messages: { single: 'Database is in one AZ.' },
    precision: 'medium',
    examples: {},
  },
  check() {},
});

export const RULES: Rule[] = [sgIngress, bucketPublic, multiAz];

export function finding(overrides: Partial<Finding> & { span?: Span } = {}): Finding {
  const { span, ...rest } = overrides;
  return {
    ruleId: 's3-public-access',
    messageId: 'publicAcl',
    message: 'Bucket logs grants PublicRead to everyone.',
    severity: 'critical',
    controls: ['1.15', '1.16'],
    location: { span: span ?? spanOf('infra/storage.yaml', 12, 7, 12, 30), path: 'Properties.AccessControl' },
    related: [],
    resource: { address: 'LogsBucket', type: 'AWS::S3::Bucket', source: 'cloudformation' },
    fingerprint: 'a1b2c3d4e5f60718',
    ...rest,
  };
}

export function scanResult(overrides: Partial<ScanResult> = {}): ScanResult {
  return {
    root: '/work/repo',
    findings: [
      finding(),
      finding({
        ruleId: 'sg-restricted-ingress',
        messageId: 'open',
        message: 'Port 22 is open to 0.0.0.0/0.',
        severity: 'critical',
        controls: ['1.20'],
        span: spanOf('infra/network.yaml', 30, 11, 30, 22),
        location: { span: spanOf('infra/network.yaml', 30, 11, 30, 22), path: 'Properties.SecurityGroupIngress[0].CidrIp' },
        resource: { address: 'WebSg', type: 'AWS::EC2::SecurityGroup', source: 'cloudformation' },
        fingerprint: '0f1e2d3c4b5a6978',
      }),
      finding({
        ruleId: 'sg-restricted-ingress',
        messageId: 'open',
        message: 'Port 8080 is open to 0.0.0.0/0.',
        severity: 'high',
        controls: ['1.20'],
        location: { span: spanOf('infra/network.yaml', 9, 5, 9, 5) },
        resource: { address: 'AppSg', type: 'AWS::EC2::SecurityGroup', source: 'cdk', constructPath: 'App/Stack/AppSg' },
        related: [{ span: spanOf('cdk.out/Stack.template.json', 40, 7, 44, 8), message: 'synthesized template' }],
        fingerprint: '99aa88bb77cc66dd',
      }),
      finding({
        ruleId: 'multi-az',
        messageId: 'single',
        message: 'Database is in one AZ.',
        severity: 'medium',
        controls: [],
        location: { span: spanOf('infra/db.yaml', 4, 3, 4, 3) },
        resource: { address: 'Db', type: 'AWS::RDS::DBInstance', source: 'cloudformation' },
        fingerprint: 'deadbeefdeadbeef',
        suppression: { kind: 'inSource', reason: 'dev database, single AZ by design', span: spanOf('infra/db.yaml', 6, 9, 6, 60) },
      }),
    ],
    errors: [{ file: 'infra/broken.yaml', line: 3, column: 5, message: 'unexpected end of flow mapping', kind: 'syntax' }],
    notices: [
      { ruleId: 'multi-az', message: 'MultiAZ is a parameter without default; cannot decide', span: spanOf('infra/db.yaml', 20, 7, 20, 30), resource: 'Replica' },
    ],
    unresolvedModules: [],
    notes: ['skipped 2 non-IaC YAML files'],
    stats: { filesDiscovered: 6, filesScanned: 4, filesSkipped: 2, resources: 17, durationMs: 12 },
    regions: ['eu-west-1'],
    ...overrides,
  };
}
