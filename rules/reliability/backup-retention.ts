import { how, property, undecided } from '../../src/engine/kit.js';
import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'backup-retention',
    title: 'Automated backups are kept for at least the days the checklist asks',
    checks: 'RDS instances and Aurora clusters keeping automated backups for fewer than 7 days (and no AWS Backup plan selecting them)',
    severity: 'low',
    controls: ['2.6'],
    rationale:
      'Regular backups (checklist 2.6) must reach back far enough to restore from before a problem was noticed. RDS keeps ' +
      'automated backups for 1 day when `BackupRetentionPeriod` is not set, and the checklist asks for at least 7 days. A ' +
      'store with backups, only too few of them, is one severity below a store with none (`backups`, which also reports a ' +
      'retention of 0). An AWS Backup plan whose selection covers the store sets its own retention, so the store\'s is not ' +
      'judged then; a plan that may cover it (a tag the scan cannot know) makes it undecidable.',
    remediation: 'Set `BackupRetentionPeriod` / `backup_retention_period` to 7 days or more (up to 35), or select the database in an AWS Backup plan.',
    messages: {
      shortRetention: '{{what}} keeps {{backup}} for {{days}} day(s): `{{property}}` {{how}}, and the checklist asks for at least {{minimum}} days.',
    },
    precision: 'very-high',
    tags: ['reliability', 'backup'],
    examples: {
      cloudformation: {
        fail: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      DBInstanceClass: db.t4g.micro\n      AllocatedStorage: \'20\'\n',
        pass: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      DBInstanceClass: db.t4g.micro\n      AllocatedStorage: \'20\'\n      BackupRetentionPeriod: 14\n',
      },
      terraform: {
        fail: 'resource "aws_db_instance" "db" {\n  engine                  = "postgres"\n  instance_class          = "db.t3.micro"\n  backup_retention_period = 3\n}\n',
        pass: 'resource "aws_db_instance" "db" {\n  engine                  = "postgres"\n  instance_class          = "db.t3.micro"\n  backup_retention_period = 7\n}\n',
      },
    },
  },
  check(ctx) {
    for (const store of ctx.model.facets.dataStores) {
      const b = store.backup;
      if (store.replicaOf || store.role || b?.kind !== 'retention' || b.minimumDays === undefined) continue;
      const owner = store.owner;
      const plans = b.byPlan ? store.backups : [];
      if (plans.some((c) => !c.unsure)) continue; // an AWS Backup plan selects it and keeps its own retention
      if (undecided(ctx, owner, b.days, `the ${b.what} retention of the ${store.what}`)) continue;
      const days = b.days.value!;
      if (days <= 0 || days >= b.minimumDays) continue; // 0 is backups' "backups off"
      const maybe = plans.find((c) => c.unsure);
      if (maybe) {
        ctx.undecidable(owner, b.days, `whether AWS Backup plan ${maybe.plan.resource.address} selects the ${store.what} is unknown: ${maybe.unsure ?? ''}`);
        continue;
      }
      ctx.report({ messageId: 'shortRetention', at: b.days, resource: owner, data: { what: store.what, backup: b.what, days, property: property(b.days), how: how(b.days), minimum: b.minimumDays } });
    }
  },
});
