import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { readCluster, readNodeGroup } from './common.js';

// aws_eks_node_group — `subnet_ids`, `scaling_config { min_size, max_size }`; aws_eks_fargate_profile — `subnet_ids`.
const NODE_GROUP = 'aws_eks_node_group';
const FARGATE_PROFILE = 'aws_eks_fargate_profile';
// aws_eks_cluster — `enabled_cluster_log_types` (none unless listed).
const CLUSTER = 'aws_eks_cluster';
const LOG_TYPES = ['enabled_cluster_log_types'];
// aws_eks_cluster `encryption_config { resources = ["secrets"], provider { key_arn } }`.
const ENCRYPTION = { list: ['encryption_config'], resources: ['resources'], provider: ['provider'], keyArn: ['key_arn'] };

export const adapter: Adapter = {
  service: 'eks',
  source: 'terraform',
  adapt(graph, model) {
    for (const node of graph.ofType(NODE_GROUP)) {
      if (node.mode !== 'managed') continue;
      readNodeGroup(new PropertyReader(node, graph, ''), 'node-group', { subnets: ['subnet_ids'], minSize: ['scaling_config', 0, 'min_size'], maxSize: ['scaling_config', 0, 'max_size'] }, model);
    }
    for (const node of graph.ofType(CLUSTER)) {
      if (node.mode === 'managed') readCluster(new PropertyReader(node, graph, ''), LOG_TYPES, model, ENCRYPTION);
    }
    for (const node of graph.ofType(FARGATE_PROFILE)) {
      if (node.mode === 'managed') readNodeGroup(new PropertyReader(node, graph, ''), 'fargate-profile', { subnets: ['subnet_ids'] }, model);
    }
  },
};
