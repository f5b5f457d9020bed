import { how } from '../../src/engine/kit.js';
import { defineRule } from '../../src/engine/rule.js';
import type { PasswordPolicy } from '../../src/model/iam/types.js';
import type { Val } from '../../src/model/val.js';
import { isKnown } from '../../src/model/val.js';

const MIN_LENGTH = 14;
const MIN_REUSE_PREVENTION = 24;
const MAX_AGE_DAYS = 90;

export default defineRule({
  meta: {
    id: 'iam-password-policy',
    title: 'The account password policy is strong and expires passwords',
    checks: 'Terraform account password policy: length ≥ 14, four character classes, reuse prevention ≥ 24, expiry ≤ 90 days',
    severity: 'medium',
    controls: ['1.5', '1.6'],
    rationale:
      'IAM users\' passwords are only as strong as the account password policy allows (checklist 1.6) and must be rotated ' +
      '(1.5). The checklist and the CIS AWS Foundations Benchmark ask for at least 14 characters with upper-case, ' +
      'lower-case, digits and symbols, no reuse of the last 24 passwords, and expiry within 90 days. Terraform declares ' +
      'the policy as aws_iam_account_password_policy; every weak or missing setting of a declared policy is reported. ' +
      'CloudFormation has no password policy resource, and a scan without one cannot tell what the account has: the ' +
      'checklist report lists the control as needing evidence then.',
    remediation:
      'Set minimum_password_length = 14 (or more), require_uppercase_characters, require_lowercase_characters, ' +
      'require_numbers and require_symbols = true, password_reuse_prevention = 24 and max_password_age = 90 (or less).',
    messages: {
      tooShort: 'Password policy allows passwords shorter than {{min}} characters: `minimum_password_length` {{how}}.',
      classNotRequired: 'Password policy does not require {{what}}: `{{property}}` {{how}}.',
      reuseAllowed: 'Password policy lets users reuse recent passwords: `password_reuse_prevention` {{how}} (at least {{min}} expected).',
      noExpiry: 'Password policy keeps passwords longer than {{max}} days: `max_password_age` {{how}}.',
    },
    precision: 'very-high',
    tags: ['security', 'iam', 'passwords'],
    notApplicable: { cloudformation: 'CloudFormation has no resource for the account password policy; the checklist report asks for evidence instead.' },
    examples: {
      terraform: {
        fail: 'resource "aws_iam_account_password_policy" "this" {\n  minimum_password_length = 8\n}\n',
        pass:
          'resource "aws_iam_account_password_policy" "this" {\n  minimum_password_length      = 14\n  require_uppercase_characters = true\n' +
          '  require_lowercase_characters = true\n  require_numbers              = true\n  require_symbols              = true\n' +
          '  password_reuse_prevention    = 24\n  max_password_age             = 90\n}\n',
      },
    },
  },
  check(ctx) {
    for (const p of ctx.model.passwordPolicies) {
      const unknown = (v: Val<unknown>, what: string): boolean => {
        if (isKnown(v)) return false;
        ctx.undecidable(p, v, `${what} is unknown: ${v.reason}`);
        return true;
      };
      if (!unknown(p.minimumLength, 'the minimum password length') && p.minimumLength.value! < MIN_LENGTH) {
        ctx.report({ messageId: 'tooShort', at: p.minimumLength, resource: p, data: { min: MIN_LENGTH, how: how(p.minimumLength) } });
      }
      const classes: [keyof PasswordPolicy, string, string][] = [
        ['requireUppercase', 'upper-case letters', 'require_uppercase_characters'],
        ['requireLowercase', 'lower-case letters', 'require_lowercase_characters'],
        ['requireNumbers', 'digits', 'require_numbers'],
        ['requireSymbols', 'symbols', 'require_symbols'],
      ];
      for (const [field, what, property] of classes) {
        const v = p[field] as Val<boolean>;
        if (!unknown(v, `whether the policy requires ${what}`) && v.value === false) {
          ctx.report({ messageId: 'classNotRequired', at: v, resource: p, data: { what, property, how: how(v) } });
        }
      }
      if (!unknown(p.reusePrevention, 'password reuse prevention') && p.reusePrevention.value! < MIN_REUSE_PREVENTION) {
        ctx.report({ messageId: 'reuseAllowed', at: p.reusePrevention, resource: p, data: { min: MIN_REUSE_PREVENTION, how: how(p.reusePrevention) } });
      }
      if (!unknown(p.maxAge, 'the maximum password age') && (p.maxAge.value === 0 || p.maxAge.value! > MAX_AGE_DAYS)) {
        ctx.report({ messageId: 'noExpiry', at: p.maxAge, resource: p, data: { max: MAX_AGE_DAYS, how: how(p.maxAge) } });
      }
    }
  },
});
