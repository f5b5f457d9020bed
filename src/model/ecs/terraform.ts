import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { defaulted } from '../val.js';
import type { Link } from '../val.js';
import { clusterName, pushService } from './common.js';
import type { EcsCluster, EcsService } from './types.js';

// aws_ecs_cluster — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_cluster
const CLUSTER = 'aws_ecs_cluster';
const NAME = 'name';
// aws_ecs_service — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_service
//   cluster: the default cluster when not set; desired_count: 0 when not set; scheduling_strategy: REPLICA.
const SERVICE = 'aws_ecs_service';
const CLUSTER_PROPERTY = 'cluster';
const DESIRED_COUNT = 'desired_count';
const LAUNCH_TYPE = 'launch_type';
const SCHEDULING_STRATEGY = 'scheduling_strategy';
const NETWORK_CONFIGURATION = 'network_configuration';
const SUBNETS = 'subnets';

export const adapter: Adapter = {
  service: 'ecs',
  source: 'terraform',
  adapt(graph, model) {
    for (const node of graph.ofType(CLUSTER)) {
      const r = new PropertyReader(node, graph, '');
      const cluster: EcsCluster = { resource: r.info(), name: r.str([NAME]) ?? defaulted('', r.origin([NAME]), 'no name') };
      model.ecsClusters.push(cluster);
    }
    for (const node of graph.ofType(SERVICE)) {
      const r = new PropertyReader(node, graph, '');
      const network = r.each([NETWORK_CONFIGURATION])[0];
      const service: EcsService = {
        resource: r.info(),
        cluster: r.link([CLUSTER_PROPERTY]) ?? defaulted<Link>({ literal: 'default' }, r.origin([CLUSTER_PROPERTY]), 'the default cluster'),
        name: r.str([NAME]) ?? defaulted('', r.origin([NAME]), 'no name'),
        desiredCount: r.num([DESIRED_COUNT], { value: 0, assumed: '0 tasks' }),
        launchType: r.str([LAUNCH_TYPE], { value: 'EC2', assumed: "EC2, or the cluster's default capacity provider strategy" }),
        schedulingStrategy: r.str([SCHEDULING_STRATEGY], { value: 'REPLICA', assumed: 'REPLICA' }),
        subnets: network ? network.links([SUBNETS]) : [],
      };
      pushService(model, service, clusterName(service.cluster, graph, NAME));
    }
  },
};
