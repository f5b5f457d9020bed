import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { readCluster, readNodeGroup } from './common.js';

// AWS::EKS::Nodegroup — `Subnets`, `ScalingConfig { MinSize, MaxSize }`; AWS::EKS::FargateProfile — `Subnets`.
const NODE_GROUP = 'AWS::EKS::Nodegroup';
const FARGATE_PROFILE = 'AWS::EKS::FargateProfile';
// AWS::EKS::Cluster — `Logging { ClusterLogging { EnabledTypes: [{ Type }] } }` (aws-properties-eks-cluster-logging.html).
const CLUSTER = 'AWS::EKS::Cluster';
const LOG_TYPES = ['Logging', 'ClusterLogging', 'EnabledTypes'];
// `EncryptionConfig: [{ Resources: [secrets], Provider: { KeyArn } }]` (aws-properties-eks-cluster-encryptionconfig.html).
const ENCRYPTION = { list: ['EncryptionConfig'], resources: ['Resources'], provider: ['Provider'], keyArn: ['KeyArn'] };

export const adapter: Adapter = {
  service: 'eks',
  source: 'cloudformation',
  adapt(graph, model) {
    for (const node of graph.ofType(NODE_GROUP)) {
      readNodeGroup(new PropertyReader(node, graph, 'Properties'), 'node-group', { subnets: ['Subnets'], minSize: ['ScalingConfig', 'MinSize'], maxSize: ['ScalingConfig', 'MaxSize'] }, model);
    }
    for (const node of graph.ofType(CLUSTER)) readCluster(new PropertyReader(node, graph, 'Properties'), LOG_TYPES, model, ENCRYPTION);
    for (const node of graph.ofType(FARGATE_PROFILE)) readNodeGroup(new PropertyReader(node, graph, 'Properties'), 'fargate-profile', { subnets: ['Subnets'] }, model);
  },
};
