import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../parsers/cloudformation/index.js';
import { expandSam } from '../../src/graph/cloudformation/sam.js';
import { dedent, scanSnippet } from '../helpers/scan-snippet.js';

function expand(text: string) {
  const r = parseTemplate('t.yaml', dedent(text));
  if (r.kind !== 'template') throw new Error('not a template');
  return expandSam('t.yaml', r.document);
}

function resources(doc: ReturnType<typeof expand>['document']): [string, string][] {
  const res = doc.root.kind === 'map' ? doc.root.entries.find((e) => e.key === 'Resources')!.value : undefined;
  if (res?.kind !== 'map') return [];
  return res.entries.map((e) => {
    const t = e.value.kind === 'map' ? e.value.entries.find((x) => x.key === 'Type')?.value : undefined;
    return [e.key, t?.kind === 'scalar' ? String(t.value) : ''];
  });
}

const HEADER = `
  Transform: AWS::Serverless-2016-10-31
  Globals:
    Function:
      Runtime: python3.12
      VpcConfig:
        SecurityGroupIds: [sg-1]
        SubnetIds: [subnet-1]
  Resources:`;

describe('SAM transform', () => {
  it('each SAM resource becomes the resources SAM creates, with their logical ids', () => {
    const { document, notes } = expand(`${HEADER}
      Fn:
        Type: AWS::Serverless::Function
        Properties:
          Handler: app.handler
          CodeUri: src/
          Events:
            Get: { Type: Api, Properties: { Path: /, Method: get } }
            Queue: { Type: SQS, Properties: { Queue: arn:aws:sqs:us-east-1:111122223333:q } }
      Table:
        Type: AWS::Serverless::SimpleTable
      Rest:
        Type: AWS::Serverless::Api
        Properties: { StageName: live }
      Http:
        Type: AWS::Serverless::HttpApi
      Flow:
        Type: AWS::Serverless::StateMachine
        Properties: { Definition: {} }
      Layer:
        Type: AWS::Serverless::LayerVersion
        Properties: { ContentUri: layer/ }
      App:
        Type: AWS::Serverless::Application
        Properties: { Location: https://example.com/t.yaml }
    `);
    expect(notes).toEqual([]);
    expect(resources(document)).toEqual([
      ['Fn', 'AWS::Lambda::Function'], ['FnRole', 'AWS::IAM::Role'], ['FnQueue', 'AWS::Lambda::EventSourceMapping'],
      ['Table', 'AWS::DynamoDB::Table'],
      ['Rest', 'AWS::ApiGateway::RestApi'], ['RestDeployment', 'AWS::ApiGateway::Deployment'], ['RestliveStage', 'AWS::ApiGateway::Stage'],
      ['Http', 'AWS::ApiGatewayV2::Api'], ['HttpApiGatewayDefaultStage', 'AWS::ApiGatewayV2::Stage'],
      ['Flow', 'AWS::StepFunctions::StateMachine'], ['FlowRole', 'AWS::IAM::Role'],
      ['Layer', 'AWS::Lambda::LayerVersion'],
      ['App', 'AWS::CloudFormation::Stack'],
      ['ServerlessRestApi', 'AWS::ApiGateway::RestApi'], ['ServerlessRestApiDeployment', 'AWS::ApiGateway::Deployment'], ['ServerlessRestApiProdStage', 'AWS::ApiGateway::Stage'],
    ]);
  });

  it('templates without the transform are left as they are', () => {
    const { document } = expand('Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n');
    expect(resources(document)).toEqual([['Fn', 'AWS::Serverless::Function']]);
  });

  it('what is not expanded is a note with its position', () => {
    const { notes } = expand(`${HEADER}
      Fn:
        Type: AWS::Serverless::Function
        Properties:
          Handler: app.handler
          Policies:
            - S3ReadPolicy: { BucketName: b }
          AutoPublishAlias: live
      Other:
        Type: AWS::Serverless::Connector
    `);
    expect(notes).toEqual([
      't.yaml:14:13: SAM policy template S3ReadPolicy is not expanded; what it creates is not checked',
      't.yaml:15:9: SAM function AutoPublishAlias is not expanded; what it creates is not checked',
      't.yaml:16:5: SAM resource type AWS::Serverless::Connector is not expanded; what it creates is not checked',
    ]);
  });

  it('findings on generated resources land on the SAM resource lines', async () => {
    const { result } = await scanSnippet('cloudformation', `${HEADER}
      Fn:
        Type: AWS::Serverless::Function
        Properties:
          Handler: app.handler
          Policies:
            - AdministratorAccess
            - Statement:
                - Effect: Allow
                  Action: '*'
                  Resource: '*'
      Table:
        Type: AWS::Serverless::SimpleTable
        Properties:
          SSESpecification: { SSEEnabled: false }
    `, { rules: ['iam-least-privilege', 'encryption-customer-key'] });
    expect(result.errors).toEqual([]);
    expect(result.findings.map((f) => [f.ruleId, f.resource.address, f.location.span.start.line, f.location.span.start.column])).toEqual([
      ['iam-least-privilege', 'FnRole', 14, 13],
      ['iam-least-privilege', 'FnRole', 17, 25],
      ['encryption-customer-key', 'Table', 22, 41],
    ]);
  });

  it('a SAM function with a narrow policy, and a table with a customer key, pass', async () => {
    const { result } = await scanSnippet('cloudformation', `${HEADER}
      Fn:
        Type: AWS::Serverless::Function
        Properties:
          Handler: app.handler
          Policies:
            - Statement:
                - Effect: Allow
                  Action: dynamodb:GetItem
                  Resource: !GetAtt Table.Arn
      Table:
        Type: AWS::Serverless::SimpleTable
        Properties:
          SSESpecification: { SSEEnabled: true, SSEType: KMS, KMSMasterKeyId: alias/orders }
    `, { rules: ['iam-least-privilege'] });
    expect(result.findings).toEqual([]);
  });

  it('a suppression in the SAM resource applies to what it generates', async () => {
    const { result } = await scanSnippet('cloudformation', `${HEADER}
      Fn:
        Type: AWS::Serverless::Function
        Metadata:
          iac-check:
            ignore:
              - id: iam-least-privilege
                reason: break-glass function, reviewed
        Properties:
          Handler: app.handler
          Policies: [AdministratorAccess]
    `, { rules: ['iam-least-privilege'] });
    expect(result.findings.map((f) => [f.resource.address, f.suppression?.reason])).toEqual([['FnRole', 'break-glass function, reviewed']]);
  });
});
