import { how, isFalse, isTrue, property, undecided } from '../../src/engine/kit.js';
import { defineRule } from '../../src/engine/rule.js';
import type { DataStore } from '../../src/model/facets.js';
import type { Val } from '../../src/model/val.js';

/** `` `DeletionPolicy` is not set, so the default applies (…) `` */
const says = (v: Val<unknown>): string => `\`${property(v)}\` ${how(v)}`;

/**
 * A deletion setting that lets the data go: a written one is named (its value is the model's "keeps
 * the data", not the spelling: `DeletionPolicy: Delete`, `skip_final_snapshot = true`), a default says which.
 */
const lets = (v: Val<boolean>): string => (v.provenance === 'explicit' ? `\`${property(v)}\` does not keep it` : says(v));

const NO_PLAN = 'and no AWS Backup plan in the scan selects it';

export default defineRule({
  meta: {
    id: 'backups',
    title: 'Stateful stores are backed up and kept when their stack deletes them',
    checks: 'RDS/Aurora and Redshift retention, DynamoDB point-in-time recovery (every global table replica too), S3 versioning, EFS automatic backups, ElastiCache snapshots, AWS Backup plans for EBS, DeletionPolicy/prevent_destroy and deletion protection, buckets emptied on deletion (Terraform force_destroy, CDK autoDeleteObjects)',
    severity: 'medium',
    controls: ['2.6'],
    rationale:
      'Regular backups to durable storage (checklist 2.6) are what a deleted table, a corrupted database or an overwritten ' +
      'object is restored from. The AWS defaults do not give them everywhere: RDS keeps automated backups for 1 day when ' +
      '`BackupRetentionPeriod` is not set (0 turns them off; fewer than the 7 days the checklist asks for is ' +
      '`backup-retention`, one severity lower), Redshift keeps automated snapshots for 1 day (0 turns them off), DynamoDB point-in-time recovery is off ' +
      'unless enabled, S3 versioning is off unless enabled, EFS file systems made through the API, CloudFormation or ' +
      'Terraform have automatic backups off (only the console turns them on), ElastiCache Redis/Valkey keeps no automatic ' +
      'snapshots unless `SnapshotRetentionLimit` is set (Memcached cannot snapshot, and is not judged), and EBS volumes have ' +
      'no backup of their own. An AWS Backup plan whose selection covers the store (by resource ARN or reference, by tag ' +
      'condition — Terraform provider `default_tags` included, under the resource\'s own tags — or by a wildcard, less what ' +
      'its `NotResources` / `not_resources` leave out; a `*` pattern there that may name the store is undecidable) counts as its backup for RDS, Aurora, DynamoDB, EFS, EBS and Redshift, which AWS Backup ' +
      'protects; not for ElastiCache (AWS Backup does not protect it) nor for S3 versioning (AWS Backup for S3 requires ' +
      'versioning on). The selection matching is the one dr-region uses for Backup copy actions (the data-store facet and ' +
      'its linker), so both rules agree on which store a plan covers. S3 buckets whose role the linker knows are not asked ' +
      'for versioning, as in dr-region: a bucket that is the replication destination of another bucket in the scan is ' +
      'itself the copy, and a CloudTrail log bucket\'s versioning is cloudtrail-bucket-protected\'s concern. ' +
      'A backup does not survive every deletion: CloudFormation deletes a resource and its data when the stack deletes it ' +
      'unless its `DeletionPolicy` is Retain or Snapshot (the default is Delete, except Snapshot for RDS DB clusters and DB ' +
      'instances outside a cluster), and deletes the old resource when an update replaces it unless its ' +
      '`UpdateReplacePolicy` keeps it (the default is Delete for every type); Terraform destroys it unless ' +
      '`lifecycle { prevent_destroy = true }` is set, RDS and Redshift take a final snapshot unless `skip_final_snapshot` ' +
      'is true, and EBS volumes only with `final_snapshot = true`. Deletion protection (RDS, Aurora, DynamoDB) makes the ' +
      'service refuse the delete, whoever asks. To keep the noise down, each store gets at most one finding about its ' +
      'backups and one about deletion: the missing settings are listed in one message, and the two questions have separate ' +
      'messages only because their remediations differ (turn a backup on; set a deletion policy or protection). A store ' +
      'that keeps its data on deletion but has no deletion protection gets its own message. Every finding has the rule\'s one severity (medium). S3 buckets ' +
      'are judged on deletion only where something empties them first: S3 refuses to delete a bucket that holds objects, ' +
      'but Terraform `force_destroy = true` deletes every object (unless `prevent_destroy` refuses the destroy) and CDK ' +
      '`autoDeleteObjects: true` adds a `Custom::S3AutoDeleteObjects` resource that empties the bucket when the stack ' +
      'deletes it. Caches and servers\' block devices are not judged on deletion. Each replica of a DynamoDB global table ' +
      'keeps its own point-in-time recovery (`Replicas[].PointInTimeRecoverySpecification`, `replica { point_in_time_recovery }`, ' +
      '`aws_dynamodb_table_replica`), off unless set: the table is judged by the first copy without it. Read replicas are judged through ' +
      'their source, Aurora DB instances through their cluster. A value the scan cannot know (a parameter or variable ' +
      'without a default) is reported as undecidable, never as a finding.',
    remediation:
      'Set `BackupRetentionPeriod` / `backup_retention_period` to 7 days or more on RDS instances and Aurora clusters, ' +
      '`AutomatedSnapshotRetentionPeriod` / `automated_snapshot_retention_period` above 0 on Redshift clusters, ' +
      'point-in-time recovery on DynamoDB tables, `VersioningConfiguration: { Status: Enabled }` / `aws_s3_bucket_versioning` ' +
      'on data buckets, `BackupPolicy: { Status: ENABLED }` / `aws_efs_backup_policy` on EFS file systems, ' +
      '`SnapshotRetentionLimit` / `snapshot_retention_limit` on Redis/Valkey caches, or select the store (EBS volumes in ' +
      'particular) in an AWS Backup plan. Give stateful resources `DeletionPolicy` and `UpdateReplacePolicy` Retain or ' +
      'Snapshot (CDK: `removalPolicy: RemovalPolicy.RETAIN` or `SNAPSHOT`), `lifecycle { prevent_destroy = true }` or a ' +
      'final snapshot in Terraform, and turn deletion protection on where the service has it.',
    messages: {
      backupOff: '{{what}} has no {{backup}}: {{setting}}{{plan}}.',
      noBackupPlan: '{{what}} is not backed up: it takes no {{backup}} of its own, {{plan}}.',
      deletable: '{{what}} loses its data when {{when}}: {{missing}}.',
      noDeletionProtection: '{{what}} has no deletion protection: {{setting}}. Its data survives a delete by its stack or configuration, but nothing refuses a delete made outside them.',
    },
    precision: 'high',
    tags: ['reliability', 'backup'],
    examples: {
      cloudformation: {
        fail: 'Resources:\n  Table:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n' +
          '      KeySchema:\n        - { AttributeName: id, KeyType: HASH }\n      AttributeDefinitions:\n        - { AttributeName: id, AttributeType: S }\n',
        pass: 'Resources:\n  Table:\n    Type: AWS::DynamoDB::Table\n    DeletionPolicy: Retain\n    UpdateReplacePolicy: Retain\n    Properties:\n' +
          '      BillingMode: PAY_PER_REQUEST\n      DeletionProtectionEnabled: true\n' +
          '      PointInTimeRecoverySpecification:\n        PointInTimeRecoveryEnabled: true\n' +
          '      KeySchema:\n        - { AttributeName: id, KeyType: HASH }\n      AttributeDefinitions:\n        - { AttributeName: id, AttributeType: S }\n',
      },
      terraform: {
        fail: 'resource "aws_db_instance" "db" {\n  engine                  = "postgres"\n  instance_class          = "db.t3.micro"\n' +
          '  backup_retention_period = 0\n}\n',
        pass: 'resource "aws_db_instance" "db" {\n  engine                  = "postgres"\n  instance_class          = "db.t3.micro"\n' +
          '  backup_retention_period = 7\n  deletion_protection     = true\n}\n',
      },
    },
  },
  check(ctx) {
    for (const store of ctx.model.facets.dataStores) {
      if (store.replicaOf) continue; // a replica: its source is judged
      checkBackup(store);
      checkDeletion(store);
    }

    function checkBackup(store: DataStore): void {
      const b = store.backup;
      // A bucket that is another bucket's copy, or a CloudTrail log bucket, is judged elsewhere (see dr-region).
      if (!b || store.role) return;
      const owner = store.owner;
      const plans = b.byPlan ? store.backups : [];
      if (plans.some((c) => !c.unsure)) return; // an AWS Backup plan selects it
      // A plan that may select it (a tag the scan cannot know): undecidable rather than a finding.
      const maybe = plans.find((c) => c.unsure);
      const report = (r: Parameters<typeof ctx.report>[0]): void => {
        if (maybe) ctx.undecidable(owner, r.at, `whether AWS Backup plan ${maybe.plan.resource.address} selects the ${store.what} is unknown: ${maybe.unsure ?? ''}`);
        else ctx.report(r);
      };
      const plan = b.kind === 'none' || b.byPlan ? `, ${NO_PLAN}` : b.noPlan ? `; ${b.noPlan}` : '';
      if (b.kind === 'none') {
        report({ messageId: 'noBackupPlan', at: owner, resource: owner, data: { what: store.what, backup: b.what, plan: NO_PLAN } });
        return;
      }
      if (b.kind === 'switch') {
        if (undecided(ctx, owner, b.enabled, `${b.what} of the ${store.what}`)) return;
        if (isFalse(b.enabled)) report({ messageId: 'backupOff', at: b.enabled, resource: owner, data: { what: store.what, backup: b.what, setting: says(b.enabled), plan } });
        return;
      }
      if (undecided(ctx, owner, b.days, `the ${b.what} retention of the ${store.what}`)) return;
      const days = b.days.value!;
      if (days <= 0) {
        report({ messageId: 'backupOff', at: b.days, resource: owner, data: { what: store.what, backup: b.what, setting: `${says(b.days)}, which turns them off`, plan } });
      }
      // Backups kept for fewer days than the checklist asks are backup-retention (low).
    }

    function checkDeletion(store: DataStore): void {
      const onDelete = store.retainOnDelete;
      if (!onDelete) return;
      const owner = store.owner;
      const dp = store.deletionProtection;
      // Deletion protection refuses the delete, from the stack or anyone else: the data stays.
      if (isTrue(dp)) return;
      if (undecided(ctx, owner, onDelete, `whether deleting the ${store.what} keeps its data`)) return;
      const onReplace = store.retainOnReplace;
      if (onReplace && undecided(ctx, owner, onReplace, `whether replacing the ${store.what} keeps its data`)) return;
      const lostOnDelete = isFalse(onDelete);
      const lostOnReplace = onReplace !== undefined && isFalse(onReplace);
      if (lostOnDelete || lostOnReplace) {
        if (dp && undecided(ctx, owner, dp, `deletion protection of the ${store.what}`)) return;
        // No replace policy of its own (Terraform): the one setting decides for destroy and replace alike.
        const when = onReplace === undefined ? 'it is destroyed or replaced'
          : lostOnDelete && lostOnReplace ? 'its stack deletes it or an update replaces it'
          : lostOnDelete ? 'its stack deletes it' : 'a stack update replaces it';
        const missing = [
          ...(lostOnDelete ? [lets(onDelete)] : []),
          ...(lostOnReplace ? [lets(onReplace!)] : []),
          ...(dp ? [says(dp)] : []),
        ].join(', ');
        ctx.report({ messageId: 'deletable', at: lostOnDelete ? onDelete : onReplace!, resource: owner, data: { what: store.what, when, missing } });
        return;
      }
      if (dp && !undecided(ctx, owner, dp, `deletion protection of the ${store.what}`) && isFalse(dp)) {
        ctx.report({ messageId: 'noDeletionProtection', at: dp, resource: owner, data: { what: store.what, setting: says(dp) } });
      }
    }
  },
});
