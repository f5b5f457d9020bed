import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { required } from '../val-ops.js';
import { monitored, named } from '../cloudwatch/monitored.js';
import type { AutoScalingGroup, AsgScalingAction, LaunchConfiguration } from './types.js';
import { device } from '../ec2/terraform.js';
import { blockDeviceStores } from '../ec2/facets.js';
import { defaulted } from '../val.js';
import { groupScalable, zoneItems } from './common.js';

// aws_autoscaling_group — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/autoscaling_group
const GROUP = 'aws_autoscaling_group';
const VPC_ZONE_IDENTIFIER = 'vpc_zone_identifier';
const AVAILABILITY_ZONES = 'availability_zones';
const MIN_SIZE = 'min_size';
const MAX_SIZE = 'max_size';
const LAUNCH_TEMPLATE = 'launch_template';
const MIXED_INSTANCES_POLICY = 'mixed_instances_policy';
const LAUNCH_TEMPLATE_SPECIFICATION = 'launch_template_specification';
const ID = 'id';
const NAME = 'name';
const LAUNCH_TEMPLATE_ID = 'launch_template_id';
const LAUNCH_TEMPLATE_NAME = 'launch_template_name';
const TARGET_GROUP_ARNS = 'target_group_arns';
const LOAD_BALANCERS = 'load_balancers';
// aws_autoscaling_attachment — .../docs/resources/autoscaling_attachment (lb_target_group_arn, elb)
const ATTACHMENT = 'aws_autoscaling_attachment';
const ATTACHMENT_GROUP = 'autoscaling_group_name';
const ATTACHMENT_TARGET_GROUP = 'lb_target_group_arn';
const ATTACHMENT_ELB = 'elb';
// aws_autoscaling_policy, aws_autoscaling_schedule — .../docs/resources/autoscaling_policy, .../docs/resources/autoscaling_schedule
const POLICY = 'aws_autoscaling_policy';
const SCHEDULED_ACTION = 'aws_autoscaling_schedule';
const GROUP_NAME = 'autoscaling_group_name';
// aws_launch_configuration — .../docs/resources/launch_configuration (root_block_device, ebs_block_device: encrypted)
const LAUNCH_CONFIGURATION = 'aws_launch_configuration';
const ROOT_BLOCK_DEVICE = 'root_block_device';
const EBS_BLOCK_DEVICE = 'ebs_block_device';
const DEVICE_NAME = 'device_name';

export const adapter: Adapter = {
  service: 'autoscaling',
  source: 'terraform',
  adapt(graph, model) {
    for (const node of graph.ofType(GROUP)) {
      const r = new PropertyReader(node, graph, '');
      const group: AutoScalingGroup = {
        resource: r.info(),
        subnets: r.links([VPC_ZONE_IDENTIFIER]),
        availabilityZones: zoneItems(r, [AVAILABILITY_ZONES]),
        minSize: required(r.num([MIN_SIZE]), r.origin([MIN_SIZE]), MIN_SIZE),
        maxSize: required(r.num([MAX_SIZE]), r.origin([MAX_SIZE]), MAX_SIZE),
        loadBalancing: [...r.links([TARGET_GROUP_ARNS]), ...r.links([LOAD_BALANCERS])],
      };
      const lt = r.each([LAUNCH_TEMPLATE])[0];
      const spec = r.each([MIXED_INSTANCES_POLICY])[0]?.each([LAUNCH_TEMPLATE])[0]?.each([LAUNCH_TEMPLATE_SPECIFICATION])[0];
      const template = (lt ? lt.link([ID]) ?? lt.link([NAME]) : undefined) ?? (spec ? spec.link([LAUNCH_TEMPLATE_ID]) ?? spec.link([LAUNCH_TEMPLATE_NAME]) : undefined);
      if (template) group.launchTemplate = template;
      model.autoScalingGroups.push(group);
      model.facets.computeGroups.push({ owner: group, what: 'Auto Scaling group', subnets: group.subnets, zones: group.availabilityZones, minSize: group.minSize, maxSize: group.maxSize });
      model.facets.monitored.push(monitored(group, 'Auto Scaling group', { namespaces: ['AWS/EC2', 'AWS/AutoScaling'], dimension: 'AutoScalingGroupName', suggest: 'CPUUtilization', ...named(r.str([NAME])) }));
      model.facets.scalables.push(groupScalable(group));
    }
    // A separate attachment adds a target group or classic load balancer to the group it names.
    const groups = new Map(model.autoScalingGroups.map((g) => [g.resource.id, g]));
    for (const node of graph.ofType(ATTACHMENT)) {
      const r = new PropertyReader(node, graph, '');
      const to = r.link([ATTACHMENT_GROUP]);
      const group = to?.provenance !== 'unknown' && to?.value.id ? groups.get(to.value.id) : undefined;
      if (!group) continue;
      for (const path of [[ATTACHMENT_TARGET_GROUP], [ATTACHMENT_ELB]]) {
        const lb = r.link(path);
        if (lb) group.loadBalancing.push(lb);
      }
    }
    for (const node of graph.ofType(LAUNCH_CONFIGURATION)) {
      const r = new PropertyReader(node, graph, '');
      const configuration: LaunchConfiguration = {
        resource: r.info(),
        blockDevices: [
          ...r.each([ROOT_BLOCK_DEVICE]).map((b) => device(b, defaulted('', b.origin(), 'the root device'))),
          ...r.each([EBS_BLOCK_DEVICE]).map((b) => device(b, required(b.str([DEVICE_NAME]), b.origin(), DEVICE_NAME))),
        ],
      };
      model.launchConfigurations.push(configuration);
      model.facets.dataStores.push(...blockDeviceStores(configuration, configuration.blockDevices));
    }
    // Scaling policies and scheduled actions name their group.
    for (const [type, kind] of [[POLICY, 'policy'], [SCHEDULED_ACTION, 'scheduled']] as const) {
      for (const node of graph.ofType(type)) {
        const r = new PropertyReader(node, graph, '');
        const action: AsgScalingAction = { resource: r.info(), kind, group: required(r.link([GROUP_NAME]), r.origin([GROUP_NAME]), GROUP_NAME) };
        model.asgScalingActions.push(action);
      }
    }
  },
};
