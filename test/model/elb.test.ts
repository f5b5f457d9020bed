import { describe, expect, it } from 'vitest';
import { scanSnippet } from '../helpers/scan-snippet.js';
import { strip } from './strip.js';

const noIds = (x: unknown): unknown => JSON.parse(JSON.stringify(strip(x), (k, v: unknown) => (k === 'id' || k === 'usedBy' ? '<id>' : v)));

describe('elb adapters', () => {
  it('give the same load balancers, listeners and target groups for both kinds', async () => {
    const cfn = (await scanSnippet('cloudformation', `
      Resources:
        Lb:
          Type: AWS::ElasticLoadBalancingV2::LoadBalancer
          Properties:
            Subnets: [subnet-1, subnet-2]
            SecurityGroups: [sg-1]
            LoadBalancerAttributes:
              - Key: access_logs.s3.enabled
                Value: 'true'
        Tg:
          Type: AWS::ElasticLoadBalancingV2::TargetGroup
          Properties:
            Protocol: HTTP
            Port: 8080
        Http:
          Type: AWS::ElasticLoadBalancingV2::Listener
          Properties:
            LoadBalancerArn: !Ref Lb
            Protocol: HTTP
            Port: 80
            DefaultActions:
              - Type: redirect
                RedirectConfig: { Protocol: HTTPS }
        Https:
          Type: AWS::ElasticLoadBalancingV2::Listener
          Properties:
            LoadBalancerArn: !Ref Lb
            Protocol: HTTPS
            Port: 443
            DefaultActions:
              - Type: forward
                TargetGroupArn: !Ref Tg
    `)).model!;
    const tf = (await scanSnippet('terraform', `
      resource "aws_lb" "lb" {
        subnets         = ["subnet-1", "subnet-2"]
        security_groups = ["sg-1"]
        access_logs {
          bucket  = "logs"
          enabled = true
        }
      }
      resource "aws_lb_target_group" "tg" {
        protocol = "HTTP"
        port     = 8080
      }
      resource "aws_lb_listener" "http" {
        load_balancer_arn = aws_lb.lb.arn
        protocol          = "HTTP"
        port              = 80
        default_action {
          type = "redirect"
          redirect {
            protocol = "HTTPS"
          }
        }
      }
      resource "aws_lb_listener" "https" {
        load_balancer_arn = aws_lb.lb.arn
        protocol          = "HTTPS"
        port              = 443
        default_action {
          type             = "forward"
          target_group_arn = aws_lb_target_group.tg.arn
        }
      }
    `)).model!;
    expect(noIds(cfn.loadBalancers)).toEqual([{
      kind: { provenance: 'default', value: 'application' },
      internetFacing: { provenance: 'default', value: true },
      subnets: [{ provenance: 'explicit', value: { literal: 'subnet-1' } }, { provenance: 'explicit', value: { literal: 'subnet-2' } }],
      securityGroups: [{ provenance: 'explicit', value: { literal: 'sg-1' } }],
      accessLogs: { provenance: 'explicit', value: true },
    }]);
    expect(noIds(tf.loadBalancers)).toEqual(noIds(cfn.loadBalancers));
    expect(noIds(tf.listeners)).toEqual(noIds(cfn.listeners));
    expect(cfn.listeners[1]!.sslPolicy).toMatchObject({ provenance: 'default', value: 'ELBSecurityPolicy-2016-08' });
    expect(noIds(tf.targetGroups)).toEqual(noIds(cfn.targetGroups));
    expect(cfn.targetGroups[0]!.usedBy).toEqual(['template.yaml#Https']);
    expect(tf.targetGroups[0]!.usedBy).toHaveLength(1);
    expect(cfn.listeners[0]!.defaultActions[0]!.redirectProtocol!.origin.span.start.line).toBe(23);
    expect(tf.listeners[0]!.protocol.origin.span.start).toEqual({ line: 15, column: 23 });
  });

  it('puts classic listeners into the listener list with their back-end protocol', async () => {
    const cfn = (await scanSnippet('cloudformation', `
      Resources:
        Elb:
          Type: AWS::ElasticLoadBalancing::LoadBalancer
          Properties:
            Scheme: internal
            Listeners:
              - { LoadBalancerPort: '443', InstancePort: '80', Protocol: HTTPS, InstanceProtocol: HTTP }
    `)).model!;
    expect(cfn.loadBalancers[0]).toMatchObject({ kind: { value: 'classic' }, internetFacing: { value: false } });
    expect(cfn.listeners[0]).toMatchObject({ protocol: { value: 'HTTPS' }, port: { value: 443 }, instanceProtocol: { value: 'HTTP' }, loadBalancer: { value: { id: 'template.yaml#Elb' } } });
    expect(cfn.listeners[0]!.resource.id).not.toBe(cfn.loadBalancers[0]!.resource.id);
  });
});
