import { defineRule } from '../../src/engine/rule.js';
import type { ScalableTarget } from '../../src/model/applicationautoscaling/types.js';
import type { Scalable } from '../../src/model/facets.js';
import type { ModelResource } from '../../src/model/val.js';
import { byId, how, isKnown, isTrue, property, undecided } from '../../src/engine/kit.js';

const MANUAL = 'If the capacity is meant to be fixed, the checklist accepts documented manual scaling: suppress this finding with the reason.';

export default defineRule({
  meta: {
    id: 'auto-scaling',
    title: 'Compute and provisioned capacity scale with the load',
    checks: 'Auto Scaling groups with min = max and no scaling policy, ECS services and provisioned DynamoDB tables without Application Auto Scaling targets (or targets without policies), lone EC2 instances behind a load balancer',
    severity: 'medium',
    controls: ['2.2'],
    rationale:
      'The checklist asks for scaling that fits the business (2.2): capacity that follows the load, or manual scaling that ' +
      'is documented. An Auto Scaling group whose minimum equals its maximum and that has no scaling policy or scheduled ' +
      'action keeps one size whatever the load (EC2 Auto Scaling user guide, "Scale the size of your Auto Scaling group"). An ' +
      'ECS service keeps its desired count unless an Application Auto Scaling scalable target on `ecs:service:DesiredCount` ' +
      'with a policy or scheduled action changes it (Amazon ECS developer guide, "Automatically scale your Amazon ECS ' +
      'service"); a DynamoDB table in provisioned capacity mode keeps its read and write capacity unless targets on ' +
      '`dynamodb:table:ReadCapacityUnits` and `WriteCapacityUnits` scale it, while on-demand tables scale by themselves ' +
      '(DynamoDB developer guide, "Managing throughput capacity automatically with DynamoDB auto scaling"). A scalable ' +
      'target without any policy or scheduled action scales nothing. An EC2 instance registered on its own with a load ' +
      'balancer cannot grow with the load and is not replaced when it fails; an Auto Scaling group attached to the target ' +
      'group does both. Targets are matched to services and tables through the graph: the `service/<cluster>/<service>` or ' +
      '`table/<name>` resource id built with `Fn::Join`, `Fn::Sub` or interpolation from references to them, or written as ' +
      'a literal. A target or policy whose resource id cannot be known makes the question undecidable (a notice), never a ' +
      'finding. Daemon ECS services (one task per container instance) and groups with min < max are not judged.',
    remediation:
      'Give an Auto Scaling group a range (MinSize < MaxSize) and a target tracking, step or scheduled scaling policy; add an ' +
      'Application Auto Scaling scalable target with a target tracking policy to ECS services (CDK: `service.autoScaleTaskCount(...)` ' +
      'then `scaleOnCpuUtilization`) and to provisioned DynamoDB tables (or use `PAY_PER_REQUEST`); register instances with ' +
      'load balancers through an Auto Scaling group (`TargetGroupARNs` / `target_group_arns`) instead of one by one. Where a ' +
      'fixed capacity is the documented choice, suppress the finding with that reason (the checklist accepts documented manual scaling).',
    messages: {
      fixedGroup: '{{what}} has a fixed size (`{{min}}` = `{{max}}` = {{size}}) and no scaling policy or scheduled action: it cannot follow the load. ' + MANUAL,
      noTarget: '{{what}} has a fixed capacity (`{{property}}` {{how}}) and no Application Auto Scaling target on {{dimensions}}: it cannot follow the load. ' + MANUAL,
      idleTarget: 'The Application Auto Scaling target of {{what}} {{owner}} on {{dimension}} has no scaling policy or scheduled action: nothing changes the capacity. ' + MANUAL,
      loneInstance: 'EC2 instance serves a load balancer on its own (registered in {{group}}) instead of through an Auto Scaling group: its capacity cannot follow the load and it is not replaced when it fails. ' + MANUAL,
    },
    precision: 'high',
    tags: ['reliability', 'scaling'],
    examples: {
      cloudformation: {
        fail: 'Resources:\n  Web:\n    Type: AWS::AutoScaling::AutoScalingGroup\n    Properties:\n      MinSize: "2"\n      MaxSize: "2"\n      VPCZoneIdentifier: [subnet-a, subnet-b]\n',
        pass: 'Resources:\n  Web:\n    Type: AWS::AutoScaling::AutoScalingGroup\n    Properties:\n      MinSize: "2"\n      MaxSize: "6"\n      VPCZoneIdentifier: [subnet-a, subnet-b]\n  Cpu:\n    Type: AWS::AutoScaling::ScalingPolicy\n    Properties:\n      AutoScalingGroupName: !Ref Web\n      PolicyType: TargetTrackingScaling\n      TargetTrackingConfiguration:\n        PredefinedMetricSpecification: { PredefinedMetricType: ASGAverageCPUUtilization }\n        TargetValue: 50\n',
      },
      terraform: {
        fail: 'resource "aws_dynamodb_table" "orders" {\n  name           = "orders"\n  hash_key       = "id"\n  read_capacity  = 5\n  write_capacity = 5\n  attribute {\n    name = "id"\n    type = "S"\n  }\n}\n',
        pass: 'resource "aws_dynamodb_table" "orders" {\n  name         = "orders"\n  hash_key     = "id"\n  billing_mode = "PAY_PER_REQUEST"\n  attribute {\n    name = "id"\n    type = "S"\n  }\n}\n',
      },
    },
  },
  check(ctx) {
    const m = ctx.model;
    for (const s of m.facets.scalables) {
      if (undecided(ctx, s.owner, s.fixed, `whether the capacity of the ${s.what} is fixed`)) continue;
      if (!isTrue(s.fixed)) continue;
      if (s.scaledBy.kind === 'auto-scaling-group') {
        if (s.actions.length > 0) continue;
        if (s.unsure.length > 0) { unsure(s); continue; }
        const g = byId(m.autoScalingGroups).get(s.owner.resource.id);
        if (!g) continue;
        ctx.report({ messageId: 'fixedGroup', at: s.fixed, resource: s.owner, data: { what: s.what, min: property(g.minSize), max: property(g.maxSize), size: String(g.maxSize.value) } });
        continue;
      }
      const missing: string[] = [];
      let unknown = false;
      for (const d of s.scaledBy.dimensions) {
        const on = s.targets.filter((t) => isKnown(t.dimension) && t.dimension.value.toLowerCase() === d.toLowerCase());
        if (on.length > 0) {
          idle(s, d, on);
          continue;
        }
        const maybe = s.targets.find((t) => !isKnown(t.dimension));
        if (maybe) { ctx.undecidable(s.owner, maybe.dimension, `${s.what}: the scalable dimension of ${maybe.resource.address} is unknown`); unknown = true; continue; }
        if (s.unsure.length > 0) { unknown = true; continue; }
        missing.push(d);
      }
      if (unknown && s.unsure.length > 0) unsure(s);
      if (missing.length > 0) {
        ctx.report({ messageId: 'noTarget', at: s.capacity, resource: s.owner, data: { what: s.what, property: property(s.capacity), how: how(s.capacity), dimensions: missing.map((d) => `\`${d}\``).join(' and ') } });
      }
    }

    // Instances registered with a load balancer one by one.
    const instances = new Map(m.instances.map((i) => [i.resource.id, i]));
    const seen = new Set<string>();
    for (const reg of m.targetRegistrations) {
      const id = isKnown(reg.target) ? reg.target.value.id : undefined;
      const instance = id ? instances.get(id) : undefined;
      if (!instance || seen.has(instance.resource.id)) continue;
      seen.add(instance.resource.id);
      ctx.report({ messageId: 'loneInstance', at: instance, resource: instance, data: { group: reg.resource.address } });
    }

    function unsure(s: Scalable): void {
      const u = s.unsure[0]!;
      ctx.undecidable(s.owner, u.at, `${s.what}: whether it is scaled is unknown: ${u.reason}`);
    }

    function idle(s: Scalable, dimension: string, on: ScalableTarget[]): void {
      if (on.some((t) => t.actions.length > 0 || t.inlineSchedules > 0)) return;
      const maybe = on.find((t) => t.unsure.length > 0);
      if (maybe) { ctx.undecidable(maybe, maybe.resourceId, `${s.what}: whether a scaling policy acts on ${maybe.resource.address} is unknown (${maybe.unsure[0]!.resource.address} names its target by an unknown value)`); return; }
      const t: ModelResource = on[0]!;
      ctx.report({ messageId: 'idleTarget', at: t, resource: t, data: { what: s.what, owner: s.owner.resource.address, dimension: `\`${dimension}\`` } });
    }
  },
});
