import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { readLogExports } from './common.js';

// AWS::RDS::DBInstance, AWS::RDS::DBCluster — `EnableCloudwatchLogsExports` (none unless listed).
// Instances of an Aurora cluster (`DBClusterIdentifier`) export through their cluster; Aurora Serverless v1
// (`EngineMode: serverless`) is not judged (its logs are turned on through the cluster parameter group).
const INSTANCE = 'AWS::RDS::DBInstance';
const CLUSTER = 'AWS::RDS::DBCluster';
const EXPORTS = ['EnableCloudwatchLogsExports'];
const CLUSTER_ID = 'DBClusterIdentifier';
const ENGINE_MODE = 'EngineMode';

export const adapter: Adapter = {
  service: 'dblogs',
  source: 'cloudformation',
  adapt(graph, model) {
    for (const node of graph.ofType(INSTANCE)) {
      const r = new PropertyReader(node, graph, 'Properties');
      if (r.value([CLUSTER_ID]) !== undefined) continue;
      readLogExports(r, 'RDS DB instance', EXPORTS, model);
    }
    for (const node of graph.ofType(CLUSTER)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const mode = r.str([ENGINE_MODE]);
      if (mode?.provenance !== 'explicit' || mode.value !== 'serverless') readLogExports(r, 'RDS DB cluster', EXPORTS, model);
    }
  },
};
