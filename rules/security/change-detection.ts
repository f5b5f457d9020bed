import { defineRule } from '../../src/engine/rule.js';
import { accountScopes } from '../../src/model/accounts.js';
import type { DetectorKind } from '../../src/model/securityservices/types.js';
import { isKnown, isTrue } from '../../src/model/val.js';

/** Services that detect changes to instances and containers: configuration history, threat detection, vulnerability scanning. */
const CHANGE_DETECTORS: readonly DetectorKind[] = ['config-recorder', 'guardduty', 'inspector'];

export default defineRule({
  meta: {
    id: 'change-detection',
    title: 'Changes to instances and containers are detected',
    severity: 'medium',
    checks: 'per account: a Config recorder, GuardDuty detector or Inspector declared and enabled; once per account, or `providedElsewhere`',
    controls: ['1.19'],
    rationale:
      'Checklist 1.19 asks that changes to instances and containers are detected: an AWS Config configuration recorder ' +
      'keeps the history of every resource\'s configuration, Amazon GuardDuty detects compromised instances, containers ' +
      'and credentials, Amazon Inspector finds new vulnerabilities in instances, images and functions. The rule is ' +
      'decided once per account of the scan and reported once, on the first resource of that account (by file and ' +
      'address); resources whose account is unknown count as one account. A recorder, detector or enabler that is ' +
      'declared off does not count. When these services run outside this code (organisation-wide GuardDuty and Config ' +
      'run by the security account), say so in `.iac-check.yaml` under `providedElsewhere`; the finding is then shown as ' +
      'suppressed with that reason.',
    remediation:
      'Declare an AWS Config configuration recorder with a delivery channel, a GuardDuty detector ' +
      '(AWS::GuardDuty::Detector / aws_guardduty_detector) or an Inspector enabler (aws_inspector2_enabler), or record in ' +
      '.iac-check.yaml where they are provided: `providedElsewhere: { change-detection: "…" }`.',
    messages: {
      noDetection: 'Nothing in the scan detects changes to instances and containers in {{account}}: no AWS Config recorder, GuardDuty detector or Inspector is declared (or enabled) for it.',
    },
    precision: 'medium',
    tags: ['security', 'monitoring', 'account'],
    examples: {
      cloudformation: {
        fail: 'Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-0abcdef1234567890\n',
        pass: 'Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-0abcdef1234567890\n  Detector:\n    Type: AWS::GuardDuty::Detector\n    Properties:\n      Enable: true\n',
      },
      terraform: {
        fail: 'resource "aws_instance" "web" {\n  ami = "ami-0abcdef1234567890"\n}\n',
        pass: 'resource "aws_instance" "web" {\n  ami = "ami-0abcdef1234567890"\n}\n\nresource "aws_guardduty_detector" "main" {\n  enable = true\n}\n',
      },
    },
  },
  check(ctx) {
    const m = ctx.model;
    for (const scope of accountScopes(m)) {
      const mine = m.detectors.filter((d) => scope.has(d) && CHANGE_DETECTORS.includes(d.kind));
      if (mine.some((d) => isTrue(d.enabled))) continue;
      const unknown = mine.find((d) => !isKnown(d.enabled));
      if (unknown) {
        ctx.undecidable(unknown, unknown.enabled, `whether ${unknown.resource.address} is enabled is unknown`);
        continue;
      }
      ctx.report({ messageId: 'noDetection', at: scope.anchor, resource: scope.anchor, data: { account: scope.label } });
    }
  },
});
