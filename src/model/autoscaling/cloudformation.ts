import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { groupScalable, zoneItems } from './common.js';
import { required } from '../val-ops.js';
import { monitored, named } from '../cloudwatch/monitored.js';
import type { AutoScalingGroup, AsgScalingAction, LaunchConfiguration } from './types.js';
import { blockDevices } from '../ec2/cloudformation.js';
import { blockDeviceStores } from '../ec2/facets.js';

// AWS::AutoScaling::AutoScalingGroup — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-autoscaling-autoscalinggroup.html
const GROUP = 'AWS::AutoScaling::AutoScalingGroup';
const VPC_ZONE_IDENTIFIER = 'VPCZoneIdentifier';
const AVAILABILITY_ZONES = 'AvailabilityZones';
const MIN_SIZE = 'MinSize';
const MAX_SIZE = 'MaxSize';
const LAUNCH_TEMPLATE = 'LaunchTemplate';
const MIXED_INSTANCES_POLICY = 'MixedInstancesPolicy';
const LAUNCH_TEMPLATE_SPECIFICATION = 'LaunchTemplateSpecification';
const LAUNCH_TEMPLATE_ID = 'LaunchTemplateId';
const LAUNCH_TEMPLATE_NAME = 'LaunchTemplateName';
const TARGET_GROUP_ARNS = 'TargetGroupARNs';
const LOAD_BALANCER_NAMES = 'LoadBalancerNames';
// AWS::AutoScaling::ScalingPolicy, AWS::AutoScaling::ScheduledAction — aws-resource-autoscaling-scalingpolicy.html, aws-resource-autoscaling-scheduledaction.html
const POLICY = 'AWS::AutoScaling::ScalingPolicy';
const SCHEDULED_ACTION = 'AWS::AutoScaling::ScheduledAction';
const GROUP_NAME = 'AutoScalingGroupName';
// AWS::AutoScaling::LaunchConfiguration — aws-resource-autoscaling-launchconfiguration.html (BlockDeviceMappings[].Ebs.Encrypted)
const LAUNCH_CONFIGURATION = 'AWS::AutoScaling::LaunchConfiguration';
const BLOCK_DEVICE_MAPPINGS = 'BlockDeviceMappings';

export const adapter: Adapter = {
  service: 'autoscaling',
  source: 'cloudformation',
  adapt(graph, model) {
    for (const node of graph.ofType(GROUP)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const lt = r.at([LAUNCH_TEMPLATE]);
      const mixed = r.at([MIXED_INSTANCES_POLICY, LAUNCH_TEMPLATE, LAUNCH_TEMPLATE_SPECIFICATION]);
      const group: AutoScalingGroup = {
        resource: r.info(),
        subnets: r.links([VPC_ZONE_IDENTIFIER]),
        availabilityZones: zoneItems(r, [AVAILABILITY_ZONES]),
        minSize: required(r.num([MIN_SIZE]), r.origin([MIN_SIZE]), MIN_SIZE),
        maxSize: required(r.num([MAX_SIZE]), r.origin([MAX_SIZE]), MAX_SIZE),
        loadBalancing: [...r.links([TARGET_GROUP_ARNS]), ...r.links([LOAD_BALANCER_NAMES])],
      };
      const template = lt.link([LAUNCH_TEMPLATE_ID]) ?? lt.link([LAUNCH_TEMPLATE_NAME]) ?? mixed.link([LAUNCH_TEMPLATE_ID]) ?? mixed.link([LAUNCH_TEMPLATE_NAME]);
      if (template) group.launchTemplate = template;
      model.autoScalingGroups.push(group);
      model.facets.computeGroups.push({ owner: group, what: 'Auto Scaling group', subnets: group.subnets, zones: group.availabilityZones, minSize: group.minSize, maxSize: group.maxSize });
      model.facets.monitored.push(monitored(group, 'Auto Scaling group', { namespaces: ['AWS/EC2', 'AWS/AutoScaling'], dimension: 'AutoScalingGroupName', suggest: 'CPUUtilization', ...named(r.str(['AutoScalingGroupName'])) }));
      model.facets.scalables.push(groupScalable(group));
    }
    for (const node of graph.ofType(LAUNCH_CONFIGURATION)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const configuration: LaunchConfiguration = { resource: r.info(), blockDevices: blockDevices(r.each([BLOCK_DEVICE_MAPPINGS])) };
      model.launchConfigurations.push(configuration);
      model.facets.dataStores.push(...blockDeviceStores(configuration, configuration.blockDevices));
    }
    // Scaling policies and scheduled actions name their group.
    for (const [type, kind] of [[POLICY, 'policy'], [SCHEDULED_ACTION, 'scheduled']] as const) {
      for (const node of graph.ofType(type)) {
        const r = new PropertyReader(node, graph, 'Properties');
        const action: AsgScalingAction = { resource: r.info(), kind, group: required(r.link([GROUP_NAME]), r.origin([GROUP_NAME]), GROUP_NAME) };
        model.asgScalingActions.push(action);
      }
    }
  },
};
