import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { readAction, readTarget } from './common.js';

// aws_appautoscaling_target — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/appautoscaling_target
const TARGET = 'aws_appautoscaling_target';
// aws_appautoscaling_policy — .../docs/resources/appautoscaling_policy (resource_id usually refers to the target's)
const POLICY = 'aws_appautoscaling_policy';
// aws_appautoscaling_scheduled_action — .../docs/resources/appautoscaling_scheduled_action
const SCHEDULED = 'aws_appautoscaling_scheduled_action';
const SPELLING = { namespace: 'service_namespace', dimension: 'scalable_dimension', resourceId: 'resource_id', min: 'min_capacity', max: 'max_capacity' };

export const adapter: Adapter = {
  service: 'applicationautoscaling',
  source: 'terraform',
  adapt(graph, model) {
    for (const node of graph.ofType(TARGET)) model.scalableTargets.push(readTarget(new PropertyReader(node, graph, ''), SPELLING, 0));
    for (const node of graph.ofType(POLICY)) model.appScalingActions.push(readAction(new PropertyReader(node, graph, ''), SPELLING, 'policy'));
    for (const node of graph.ofType(SCHEDULED)) model.appScalingActions.push(readAction(new PropertyReader(node, graph, ''), SPELLING, 'scheduled'));
  },
};
