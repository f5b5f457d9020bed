import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { readAction, readTarget } from './common.js';

// AWS::ApplicationAutoScaling::ScalableTarget — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-applicationautoscaling-scalabletarget.html
const TARGET = 'AWS::ApplicationAutoScaling::ScalableTarget';
const SCHEDULED_ACTIONS = 'ScheduledActions';
// AWS::ApplicationAutoScaling::ScalingPolicy — aws-resource-applicationautoscaling-scalingpolicy.html
//   names its target by ScalingTargetId, or by ResourceId + ScalableDimension + ServiceNamespace.
const POLICY = 'AWS::ApplicationAutoScaling::ScalingPolicy';
const SCALING_TARGET_ID = 'ScalingTargetId';
const SPELLING = { namespace: 'ServiceNamespace', dimension: 'ScalableDimension', resourceId: 'ResourceId', min: 'MinCapacity', max: 'MaxCapacity' };

export const adapter: Adapter = {
  service: 'applicationautoscaling',
  source: 'cloudformation',
  adapt(graph, model) {
    for (const node of graph.ofType(TARGET)) {
      const r = new PropertyReader(node, graph, 'Properties');
      model.scalableTargets.push(readTarget(r, SPELLING, r.count([SCHEDULED_ACTIONS])));
    }
    for (const node of graph.ofType(POLICY)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const action = readAction(r, SPELLING, 'policy');
      const target = r.link([SCALING_TARGET_ID]);
      if (target) action.target = target;
      model.appScalingActions.push(action);
    }
  },
};
