import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { defaulted, explicit } from '../val.js';
import type { Link } from '../val.js';
import { clusterName, pushService } from './common.js';
import type { EcsCluster, EcsService } from './types.js';

// AWS::ECS::Cluster — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ecs-cluster.html
const CLUSTER = 'AWS::ECS::Cluster';
const CLUSTER_NAME = 'ClusterName';
// AWS::ECS::Service — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ecs-service.html
//   Cluster: the default cluster when not set; DesiredCount: 1 for new services when not set;
//   SchedulingStrategy: REPLICA when not set; Ref returns the ARN, Fn::GetAtt Name the name.
const SERVICE = 'AWS::ECS::Service';
const CLUSTER_PROPERTY = 'Cluster';
const SERVICE_NAME = 'ServiceName';
const DESIRED_COUNT = 'DesiredCount';
const LAUNCH_TYPE = 'LaunchType';
const SCHEDULING_STRATEGY = 'SchedulingStrategy';
const SUBNETS = ['NetworkConfiguration', 'AwsvpcConfiguration', 'Subnets'];

export const adapter: Adapter = {
  service: 'ecs',
  source: 'cloudformation',
  adapt(graph, model) {
    for (const node of graph.ofType(CLUSTER)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const cluster: EcsCluster = { resource: r.info(), name: r.str([CLUSTER_NAME], { value: '', assumed: 'a name CloudFormation generates' }) };
      model.ecsClusters.push(cluster);
    }
    for (const node of graph.ofType(SERVICE)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const cluster = r.link([CLUSTER_PROPERTY]) ?? defaulted<Link>({ literal: 'default' }, r.origin([CLUSTER_PROPERTY]), 'the default cluster');
      const service: EcsService = {
        resource: r.info(),
        cluster,
        name: r.str([SERVICE_NAME], { value: '', assumed: 'a name CloudFormation generates' }),
        desiredCount: r.num([DESIRED_COUNT], { value: 1, assumed: '1 task' }),
        launchType: r.str([LAUNCH_TYPE], { value: 'EC2', assumed: "EC2, or the cluster's default capacity provider strategy" }),
        schedulingStrategy: r.str([SCHEDULING_STRATEGY], { value: 'REPLICA', assumed: 'REPLICA' }),
        subnets: r.links(SUBNETS),
      };
      if (cluster.provenance === 'explicit' && cluster.value.literal === '') service.cluster = explicit<Link>({ literal: 'default' }, cluster.origin);
      pushService(model, service, clusterName(service.cluster, graph, CLUSTER_NAME));
    }
  },
};
