import { describe, expect, it } from 'vitest';
import { scanSnippet } from '../helpers/scan-snippet.js';
import { strip } from './strip.js';

const noIds = (x: unknown): unknown => JSON.parse(JSON.stringify(strip(x), (k, v: unknown) => (k === 'id' ? '<id>' : v)));

describe('autoscaling adapters', () => {
  it('give the same group for both kinds', async () => {
    const cfn = (await scanSnippet('cloudformation', `
      Resources:
        Lt:
          Type: AWS::EC2::LaunchTemplate
          Properties:
            LaunchTemplateData:
              SecurityGroupIds: [sg-1]
              BlockDeviceMappings:
                - DeviceName: /dev/xvda
                  Ebs: { Encrypted: true }
        Asg:
          Type: AWS::AutoScaling::AutoScalingGroup
          Properties:
            MinSize: '2'
            MaxSize: '4'
            VPCZoneIdentifier: [subnet-1, subnet-2]
            TargetGroupARNs: [arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/web/1]
            LaunchTemplate:
              LaunchTemplateId: !Ref Lt
              Version: !GetAtt Lt.LatestVersionNumber
    `)).model!;
    const tf = (await scanSnippet('terraform', `
      resource "aws_launch_template" "lt" {
        vpc_security_group_ids = ["sg-1"]
        block_device_mappings {
          device_name = "/dev/xvda"
          ebs {
            encrypted = true
          }
        }
      }
      resource "aws_autoscaling_group" "asg" {
        min_size            = 2
        max_size            = 4
        vpc_zone_identifier = ["subnet-1", "subnet-2"]
        launch_template {
          id      = aws_launch_template.lt.id
          version = "$Latest"
        }
      }
      resource "aws_autoscaling_attachment" "web" {
        autoscaling_group_name = aws_autoscaling_group.asg.id
        lb_target_group_arn    = "arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/web/1"
      }
    `)).model!;
    expect(noIds(cfn.autoScalingGroups[0])).toEqual({
      subnets: [{ provenance: 'explicit', value: { literal: 'subnet-1' } }, { provenance: 'explicit', value: { literal: 'subnet-2' } }],
      availabilityZones: [],
      minSize: { provenance: 'explicit', value: 2 },
      maxSize: { provenance: 'explicit', value: 4 },
      launchTemplate: { provenance: 'explicit', value: { id: '<id>' } },
      loadBalancing: [{ provenance: 'explicit', value: { literal: 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/web/1' } }],
    });
    expect(noIds(tf.autoScalingGroups[0])).toEqual(noIds(cfn.autoScalingGroups[0]));
    expect(noIds(tf.launchTemplates)).toEqual(noIds(cfn.launchTemplates));
    expect(cfn.autoScalingGroups[0]!.minSize.origin.span.start.line).toBe(13);
    expect(tf.autoScalingGroups[0]!.minSize.origin.span.start.line).toBe(11);
    expect(cfn.autoScalingGroups[0]!.loadBalancing[0]!.origin.span.start.line).toBe(16);
    expect(tf.autoScalingGroups[0]!.loadBalancing[0]!.origin.span.start.line).toBe(21);
  });
});
