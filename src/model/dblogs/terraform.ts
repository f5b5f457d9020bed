import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { managed } from '../terraform-nodes.js';
import { readLogExports } from './common.js';

// aws_db_instance, aws_rds_cluster — `enabled_cloudwatch_logs_exports` (none unless listed). Cluster instances are
// aws_rds_cluster_instance (no such argument: the cluster exports); Aurora Serverless v1 (`engine_mode = "serverless"`) is not judged.
const INSTANCE = 'aws_db_instance';
const CLUSTER = 'aws_rds_cluster';
const EXPORTS = ['enabled_cloudwatch_logs_exports'];
const ENGINE_MODE = 'engine_mode';

export const adapter: Adapter = {
  service: 'dblogs',
  source: 'terraform',
  adapt(graph, model) {
    for (const node of managed(graph.ofType(INSTANCE))) readLogExports(new PropertyReader(node, graph, ''), 'RDS DB instance', EXPORTS, model);
    for (const node of managed(graph.ofType(CLUSTER))) {
      const r = new PropertyReader(node, graph, '');
      const mode = r.str([ENGINE_MODE]);
      if (mode?.provenance !== 'explicit' || mode.value !== 'serverless') readLogExports(r, 'RDS DB cluster', EXPORTS, model);
    }
  },
};
