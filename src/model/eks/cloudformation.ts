import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { readNodeGroup } from './common.js';

// AWS::EKS::Nodegroup — `Subnets`, `ScalingConfig { MinSize, MaxSize }`; AWS::EKS::FargateProfile — `Subnets`.
const NODE_GROUP = 'AWS::EKS::Nodegroup';
const FARGATE_PROFILE = 'AWS::EKS::FargateProfile';

export const adapter: Adapter = {
  service: 'eks',
  source: 'cloudformation',
  adapt(graph, model) {
    for (const node of graph.ofType(NODE_GROUP)) {
      readNodeGroup(new PropertyReader(node, graph, 'Properties'), 'node-group', { subnets: ['Subnets'], minSize: ['ScalingConfig', 'MinSize'], maxSize: ['ScalingConfig', 'MaxSize'] }, model);
    }
    for (const node of graph.ofType(FARGATE_PROFILE)) readNodeGroup(new PropertyReader(node, graph, 'Properties'), 'fargate-profile', { subnets: ['Subnets'] }, model);
  },
};
