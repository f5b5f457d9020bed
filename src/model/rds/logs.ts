import type { CloudModel } from '../model.js';
import { logSource } from '../facets.js';
import { listedLogs } from '../logs/common.js';
import type { Path, PropertyReader } from '../read.js';

/*
 * Database log exports of RDS DB instances and clusters (Aurora and Multi-AZ DB clusters): the
 * engine's own logs (error, slow query, general, audit; PostgreSQL's log) go to CloudWatch Logs
 * only for the types listed (RDS user guide, "Publishing database logs to Amazon CloudWatch Logs").
 * RDS keeps them on the instance for a limited time anyway, so the question is supplementary
 * (one severity lower). Read by the RDS reader (common.ts) with each input kind's spelling.
 */
export function readLogExports(r: PropertyReader, what: string, exports: Path, model: CloudModel): void {
  const owner = { resource: r.info() };
  const enabled = listedLogs(r, exports, 'no database log type is exported to CloudWatch Logs');
  model.facets.logSources.push(logSource(owner, what, 'database logs', enabled, [], {
    lower: 'RDS keeps the database logs on the instance for a limited time; exporting them to CloudWatch Logs keeps them centrally, with a retention and alarms',
  }));
}
