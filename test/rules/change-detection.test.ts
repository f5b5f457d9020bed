import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/config.js';
import { scanSnippet } from '../helpers/scan-snippet.js';
import changeDetectionRule from '../../rules/security/change-detection.js';
import { cfn, ruleTester, tf } from './tester.js';

ruleTester(changeDetectionRule, [
  // ── CloudFormation ──
  cfn('nothing detects changes', `
    Resources:
      Web:
        Type: AWS::EC2::Instance
        Properties:
          ImageId: ami-0abcdef1234567890
  `, [{ messageId: 'noDetection', line: 2, column: 3 }]),
  cfn('a GuardDuty detector declared off', `
    Resources:
      Detector:
        Type: AWS::GuardDuty::Detector
        Properties:
          Enable: false
      Web:
        Type: AWS::EC2::Instance
        Properties:
          ImageId: ami-0abcdef1234567890
  `, [{ messageId: 'noDetection', line: 2, column: 3 }]),
  cfn('a Config recorder', `
    Resources:
      Recorder:
        Type: AWS::Config::ConfigurationRecorder
        Properties:
          RoleARN: arn:aws:iam::123456789012:role/config
      Web:
        Type: AWS::EC2::Instance
        Properties:
          ImageId: ami-0abcdef1234567890
  `, []),

  // ── Terraform ──
  tf('a recorder that is not started', `
    resource "aws_instance" "web" {
      ami = "ami-0abcdef1234567890"
    }
    resource "aws_config_configuration_recorder" "main" {
      name     = "main"
      role_arn = "arn:aws:iam::123456789012:role/config"
    }
    resource "aws_config_configuration_recorder_status" "main" {
      name       = aws_config_configuration_recorder.main.name
      is_enabled = false
    }
  `, [{ messageId: 'noDetection', line: 4, column: 1 }]),
  tf('GuardDuty with its default', `
    resource "aws_instance" "web" {
      ami = "ami-0abcdef1234567890"
    }
    resource "aws_guardduty_detector" "main" {}
  `, []),
  tf('Inspector', `
    resource "aws_instance" "web" {
      ami = "ami-0abcdef1234567890"
    }
    resource "aws_inspector2_enabler" "main" {
      account_ids    = ["123456789012"]
      resource_types = ["EC2", "ECR"]
    }
  `, []),
]);

describe('change-detection provided elsewhere', () => {
  it('needs a reason', () => {
    expect(() => validateConfig({ providedElsewhere: { 'change-detection': ' ' } })).toThrow(/providedElsewhere.change-detection. must say where the control is met/);
    expect(() => validateConfig({ providedElsewhere: ['change-detection'] })).toThrow(/must map rule ids/);
  });
  it('shows the finding as suppressed, with where the control is met', async () => {
    const config = validateConfig({ providedElsewhere: { 'change-detection': 'GuardDuty and Config run organisation-wide from the security account' } });
    const { result } = await scanSnippet('terraform', 'resource "aws_s3_bucket" "a" {\n  bucket = "a"\n}\nresource "aws_instance" "b" {\n  ami = "ami-1"\n}\n', { rules: ['change-detection'], config });
    expect(result.findings.map((f) => [f.ruleId, f.suppression?.kind, f.suppression?.reason])).toEqual([
      ['change-detection', 'external', 'provided elsewhere: GuardDuty and Config run organisation-wide from the security account'],
    ]);
  });
});
