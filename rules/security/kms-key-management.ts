import { defineRule } from '../../src/engine/rule.js';
import { isFalse, isKnown } from '../../src/model/val.js';

/** Fewer days than this between scheduling a key's deletion and its deletion leave little time to notice a mistake. */
const MIN_DELETION_WINDOW_DAYS = 14;

export default defineRule({
  meta: {
    id: 'kms-key-management',
    title: 'KMS keys are rotated and protected from hasty deletion; trails are encrypted with one',
    severity: 'medium',
    checks: 'symmetric keys without rotation, deletion windows under 14 days, CloudTrail trails without a KMS key',
    controls: ['1.22'],
    rationale:
      'Encryption keys must be managed safely (checklist 1.22). A symmetric customer managed key without automatic ' +
      'rotation keeps the same key material for ever; AWS rotates it yearly (or on the period you set) once ' +
      '`EnableKeyRotation` is on, without re-encrypting anything. Deleting a key makes everything encrypted with it ' +
      'unreadable, so KMS waits 7 to 30 days (30 unless set) after the deletion is scheduled: a window shorter than ' +
      `${MIN_DELETION_WINDOW_DAYS} days leaves little time for an alarm to be seen. CloudTrail log files are encrypted ` +
      'with SSE-S3 unless the trail names a KMS key; with a key, reading the logs needs a second, separately granted ' +
      'permission. Asymmetric and HMAC keys cannot rotate automatically and are not reported for rotation. Key policies ' +
      'that let anyone use a key are `kms-key-policy-public`.',
    remediation:
      'Set `EnableKeyRotation: true` / `enable_key_rotation = true`, keep `PendingWindowInDays` / ' +
      '`deletion_window_in_days` at 30 (or at least 14), and give each trail `KMSKeyId` / `kms_key_id` with a key whose ' +
      'policy lets CloudTrail encrypt and only the log readers decrypt.',
    messages: {
      rotationOff: 'Symmetric KMS key does not rotate its key material: `{{property}}` {{how}}.',
      shortDeletionWindow: 'KMS key can be deleted {{days}} days after deletion is scheduled (`{{property}}`): fewer than {{min}} days to notice a mistake.',
      trailNotEncrypted: 'CloudTrail log files are not encrypted with a KMS key: `{{property}}` is not set (default: SSE-S3).',
    },
    precision: 'very-high',
    tags: ['security', 'kms', 'encryption'],
    examples: {
      cloudformation: {
        fail: 'Resources:\n  DataKey:\n    Type: AWS::KMS::Key\n    Properties:\n      Description: shop data\n',
        pass: 'Resources:\n  DataKey:\n    Type: AWS::KMS::Key\n    Properties:\n      Description: shop data\n      EnableKeyRotation: true\n',
      },
      terraform: {
        fail: 'resource "aws_kms_key" "data" {\n  description             = "shop data"\n  deletion_window_in_days = 7\n  enable_key_rotation     = true\n}\n',
        pass: 'resource "aws_kms_key" "data" {\n  description             = "shop data"\n  deletion_window_in_days = 30\n  enable_key_rotation     = true\n}\n',
      },
    },
  },
  check(ctx) {
    const prop = (path: string): string => path.replace(/^Properties\./, '');
    for (const k of ctx.model.kmsKeys) {
      if (!isKnown(k.keySpec)) ctx.undecidable(k, k.keySpec, `the key spec is unknown: ${k.keySpec.reason}`);
      else if (k.keySpec.value === 'SYMMETRIC_DEFAULT') {
        if (!isKnown(k.rotation)) ctx.undecidable(k, k.rotation, `key rotation is unknown: ${k.rotation.reason}`);
        else if (isFalse(k.rotation)) {
          const how = k.rotation.provenance === 'default' ? `is not set (default: ${k.rotation.assumed})` : 'is false';
          ctx.report({ messageId: 'rotationOff', at: k.rotation, resource: k, data: { property: prop(k.rotation.origin.path), how } });
        }
      }
      if (!isKnown(k.deletionWindow)) ctx.undecidable(k, k.deletionWindow, `the deletion window is unknown: ${k.deletionWindow.reason}`);
      else if (k.deletionWindow.value < MIN_DELETION_WINDOW_DAYS) {
        ctx.report({ messageId: 'shortDeletionWindow', at: k.deletionWindow, resource: k, data: { days: k.deletionWindow.value, property: prop(k.deletionWindow.origin.path), min: MIN_DELETION_WINDOW_DAYS } });
      }
    }
    for (const t of ctx.model.trails) {
      if (t.kmsKey.provenance === 'default') ctx.report({ messageId: 'trailNotEncrypted', at: t.kmsKey, resource: t, data: { property: prop(t.kmsKey.origin.path) } });
    }
  },
});
