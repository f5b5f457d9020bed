import { defineRule } from '../../src/engine/rule.js';
import { limitsPublicAccess } from '../../src/model/iam/policy.js';
import type { PolicyCondition } from '../../src/model/iam/types.js';
import { isKnown } from '../../src/model/val.js';

/** KMS's own keys that keep a `*` principal to one account or one calling service. */
const KMS_LIMITING_KEYS = new Set(['kms:calleraccount', 'kms:viaservice']);

function limits(c: PolicyCondition): boolean {
  if (limitsPublicAccess(c)) return true;
  if (!KMS_LIMITING_KEYS.has(c.key.toLowerCase())) return false;
  if (/IfExists$/i.test(c.operator) || /Not/i.test(c.operator) || /^ForAllValues:/i.test(c.operator)) return false;
  return c.values.length > 0 && !c.values.some((v) => /[*?]|\$\{/.test(v));
}

export default defineRule({
  meta: {
    id: 'kms-key-policy-public',
    title: 'KMS key policies do not let anyone use the key',
    severity: 'high',
    checks: 'key policies that let `*` use the key with no condition that limits who',
    controls: ['1.22'],
    rationale:
      'A key policy is the only policy that decides who may use a KMS key (checklist 1.22). An Allow statement whose ' +
      'principal is `*` (or `AWS: "*"`) lets every AWS account — anyone with credentials — use the key, unless a ' +
      'condition narrows it to fixed values of a key that names the caller, its account or organisation, its network or ' +
      'the calling service (`aws:PrincipalOrgID`, `aws:PrincipalAccount`, `kms:CallerAccount`, `kms:ViaService`, ' +
      '`aws:SourceVpce` …). The usual key policy names the account root (`arn:aws:iam::123456789012:root`) instead, which ' +
      'delegates to IAM policies of that account.',
    remediation:
      'Name the principals (the account root, roles of the workload, service principals), or add a condition on ' +
      '`kms:CallerAccount` / `aws:PrincipalOrgID` with fixed values.',
    messages: {
      anyone: 'Key policy lets any principal ({{principal}}) use the key{{actions}}, with no condition that limits who.',
    },
    precision: 'high',
    tags: ['security', 'kms'],
    examples: {
      cloudformation: {
        fail:
          'Resources:\n  DataKey:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n      KeyPolicy:\n        Statement:\n' +
          '          - Effect: Allow\n            Principal: "*"\n            Action: kms:*\n            Resource: "*"\n',
        pass:
          'Resources:\n  DataKey:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n      KeyPolicy:\n        Statement:\n' +
          '          - Effect: Allow\n            Principal: { AWS: !Sub "arn:aws:iam::${AWS::AccountId}:root" }\n            Action: kms:*\n            Resource: "*"\n',
      },
      terraform: {
        fail:
          'resource "aws_kms_key" "data" {\n  enable_key_rotation = true\n  policy = jsonencode({\n    Statement = [{\n' +
          '      Effect    = "Allow"\n      Principal = { AWS = "*" }\n      Action    = "kms:Decrypt"\n      Resource  = "*"\n    }]\n  })\n}\n',
        pass:
          'resource "aws_kms_key" "data" {\n  enable_key_rotation = true\n  policy = jsonencode({\n    Statement = [{\n' +
          '      Effect    = "Allow"\n      Principal = { AWS = "*" }\n      Action    = "kms:Decrypt"\n      Resource  = "*"\n' +
          '      Condition = { StringEquals = { "kms:CallerAccount" = "123456789012" } }\n    }]\n  })\n}\n',
      },
    },
  },
  check(ctx) {
    for (const k of ctx.model.kmsKeys) {
      if (!k.policy) continue;
      if (k.policy.unknown) ctx.undecidable(k, { provenance: 'unknown', origin: k.policy.origin, reason: k.policy.unknown }, `part of the key policy could not be read: ${k.policy.unknown}`);
      for (const s of k.policy.statements) {
        if (!isKnown(s.effect) || s.effect.value !== 'Allow' || !s.principal) continue;
        if (!isKnown(s.principal)) {
          ctx.undecidable(k, s.principal, `the statement's principal is unknown: ${s.principal.reason}`);
          continue;
        }
        if (!s.principal.value.anyone) continue;
        if (!isKnown(s.conditions)) {
          ctx.undecidable(k, s.conditions, `the statement's condition is unknown: ${s.conditions.reason}`);
          continue;
        }
        if (s.conditions.value.some(limits)) continue;
        const actions = isKnown(s.actions) && s.actions.value.length ? ` (${s.actions.value.join(', ')})` : '';
        ctx.report({ messageId: 'anyone', at: s.principal, resource: k, data: { principal: '`*`', actions } });
      }
    }
  },
});
