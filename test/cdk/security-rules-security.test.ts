/**
 * encryption-in-transit on database parameter groups (issue 11 item 2), CDK input: the DB parameter
 * groups `rds.DatabaseInstance` / `rds.DatabaseCluster` synthesize from `parameters`, and their default groups.
 */
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { describe, expect, it } from 'vitest';
import { synthAndScan } from './synth.js';

describe('encryption-in-transit on CDK databases', () => {
  it('finds TLS not required by the parameter group or its default, and passes a group that requires it', async () => {
    const findings = await synthAndScan((stack) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
      // Failing: PostgreSQL 14 in its default group (rds.force_ssl 0 up to 14); MySQL with require_secure_transport OFF;
      // an Aurora MySQL cluster in its default cluster parameter group.
      new rds.DatabaseInstance(stack, 'Old', { engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_14 }), vpc, storageEncrypted: true });
      new rds.DatabaseInstance(stack, 'Orders', {
        engine: rds.DatabaseInstanceEngine.mysql({ version: rds.MysqlEngineVersion.VER_8_0_39 }),
        vpc,
        storageEncrypted: true,
        parameters: { require_secure_transport: 'OFF' },
      });
      new rds.DatabaseCluster(stack, 'Ledger', {
        engine: rds.DatabaseClusterEngine.auroraMysql({ version: rds.AuroraMysqlEngineVersion.VER_3_08_0 }),
        writer: rds.ClusterInstance.provisioned('Writer'),
        vpc,
        storageEncrypted: true,
      });
      // Passing: PostgreSQL 16 in its default group (rds.force_ssl 1 from 15), PostgreSQL 14 with rds.force_ssl 1.
      new rds.DatabaseInstance(stack, 'Current', { engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }), vpc, storageEncrypted: true });
      new rds.DatabaseInstance(stack, 'Forced', {
        engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_14 }),
        vpc,
        storageEncrypted: true,
        parameters: { 'rds.force_ssl': '1' },
      });
    }, 'encryption-in-transit');
    const got = findings.filter((f) => f.messageId === 'storePlainText').map((f) => f.resource.constructPath).sort();
    expect(got).toEqual(['Test/Ledger/Resource', 'Test/Old/Resource', 'Test/Orders/Resource']);
    expect(findings.find((f) => f.resource.constructPath === 'Test/Orders/Resource')?.message).toContain('`Parameters.require_secure_transport` is "OFF"');
  });
});
