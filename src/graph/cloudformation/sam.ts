/**
 * The AWS SAM transform (`Transform: AWS::Serverless-2016-10-31`), read statically: each
 * `AWS::Serverless::*` resource becomes the CloudFormation resources SAM creates for it, with the
 * properties and defaults SAM documents, so that the rules see a function's role, a table's
 * encryption and backups, an API's stage. The generated resources are written in the same
 * positioned document form as the template: values copied from the SAM resource keep their own
 * positions, and everything SAM adds is placed on the SAM resource's first line — so findings land
 * on the SAM resource's lines, and its suppressions (comments, `Metadata`) apply to what it generates.
 *
 * SAM resource reference: https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-resources-and-properties.html
 * Generated resources: https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-generated-resources.html
 *
 * What is not expanded (policy templates, event sources other than queues and streams, authorizers,
 * custom domains, aliases and deployment preferences, `AWS::Serverless::Connector`/`GraphQLApi`)
 * is listed in `notes`, with its position, so nothing is silently left out.
 */
import type { Span } from '../../core/source.js';
import type { DocEntry, DocMap, DocNode, DocScalar, DocSeq, ParsedDocument } from '../../../parsers/document.js';
import { get, getEntry } from '../../../parsers/document.js';

export const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

// SAM resource types.
const FUNCTION = 'AWS::Serverless::Function';
const API = 'AWS::Serverless::Api';
const HTTP_API = 'AWS::Serverless::HttpApi';
const SIMPLE_TABLE = 'AWS::Serverless::SimpleTable';
const STATE_MACHINE = 'AWS::Serverless::StateMachine';
const LAYER_VERSION = 'AWS::Serverless::LayerVersion';
const APPLICATION = 'AWS::Serverless::Application';

// Resource attributes SAM passes on to what it generates.
const PASSED_ATTRIBUTES = ['Condition', 'DependsOn', 'Metadata'];
const MAIN_ATTRIBUTES = ['DeletionPolicy', 'UpdateReplacePolicy'];

const BASIC_EXECUTION = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';
const VPC_EXECUTION = 'arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole';
const XRAY_WRITE = 'arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess';

/** True when the template names the SAM transform (alone or in a list). */
export function usesSam(document: ParsedDocument): boolean {
  const t = get(document.root, 'Transform');
  if (t?.kind === 'scalar') return t.value === SAM_TRANSFORM;
  return t?.kind === 'seq' && t.items.some((i) => i.kind === 'scalar' && i.value === SAM_TRANSFORM);
}

/** The template with its SAM resources expanded, and what was not expanded. Templates without the transform are returned as they are. */
export function expandSam(file: string, document: ParsedDocument): { document: ParsedDocument; notes: string[] } {
  if (!usesSam(document)) return { document, notes: [] };
  const root = document.root as DocMap;
  const resources = get(root, 'Resources');
  if (resources?.kind !== 'map') return { document, notes: [] };
  const globals = get(get(root, 'Globals'), 'Function');
  const x = new Expander(file);
  const entries: DocEntry[] = [];
  for (const e of resources.entries) {
    const type = get(e.value, 'Type');
    if (type?.kind !== 'scalar' || typeof type.value !== 'string' || !type.value.startsWith('AWS::Serverless::')) {
      entries.push(e);
      continue;
    }
    entries.push(...x.expand(e, type.value, globals));
  }
  entries.push(...x.implicitApis());
  const expanded: DocMap = { ...root, entries: root.entries.map((e) => (e.key === 'Resources' ? { ...e, value: { ...resources, entries } } : e)) };
  return { document: { ...document, root: expanded }, notes: x.notes };
}

class Expander {
  readonly notes: string[] = [];
  /** SAM creates one implicit REST API and one HTTP API for the events that name none: the first such event's position. */
  private implicitRest: Span | undefined;
  private implicitHttp: Span | undefined;

  constructor(private readonly file: string) {}

  private note(at: Span, what: string): void {
    this.notes.push(`${this.file}:${at.start.line}:${at.start.column}: SAM ${what} is not expanded; what it creates is not checked`);
  }

  expand(entry: DocEntry, type: string, globals: DocNode | undefined): DocEntry[] {
    const id = entry.key;
    const decl = entry.value as DocMap;
    const at = entry.keySpan;
    const props = asMap(get(decl, 'Properties')) ?? map([], at);
    const out = (logical: string, cfnType: string, properties: DocEntry[], main = false): DocEntry => {
      const attrs = decl.entries.filter((a) => PASSED_ATTRIBUTES.includes(a.key) || (main && MAIN_ATTRIBUTES.includes(a.key)));
      const body = map([{ key: 'Type', keySpan: at, value: scalar(cfnType, at) }, ...attrs, { key: 'Properties', keySpan: getEntry(decl, 'Properties')?.keySpan ?? at, value: map(properties, props.span) }], decl.span);
      return { key: logical, keySpan: at, value: body };
    };
    switch (type) {
      case FUNCTION:
        return this.func(id, withGlobals(props, globals), at, out);
      case SIMPLE_TABLE:
        return [out(id, 'AWS::DynamoDB::Table', this.table(props, at), true)];
      case API:
        return this.restApi(id, props, at, out);
      case HTTP_API:
        return this.httpApi(id, props, at, out);
      case STATE_MACHINE:
        return this.stateMachine(id, props, at, out);
      case LAYER_VERSION:
        return [out(id, 'AWS::Lambda::LayerVersion', [...pick(props, ['LayerName', 'Description', 'CompatibleRuntimes', 'CompatibleArchitectures', 'LicenseInfo']), ...rename(props, { ContentUri: 'Content' })], true)];
      case APPLICATION: {
        const location = get(props, 'Location');
        if (location?.kind === 'map') this.note(location.span, 'Application from the Serverless Application Repository (its template is not in the scan)');
        return [out(id, 'AWS::CloudFormation::Stack', [...pick(props, ['Parameters', 'NotificationARNs', 'Tags', 'TimeoutInMinutes']), ...(location?.kind === 'scalar' ? [entryOf('TemplateURL', getEntry(props, 'Location')!)] : [])], true)];
      }
      default:
        this.note(at, `resource type ${type}`);
        return [];
    }
  }

  private func(id: string, props: DocMap, at: Span, out: (l: string, t: string, p: DocEntry[], main?: boolean) => DocEntry): DocEntry[] {
    const generated: DocEntry[] = [];
    const role = getEntry(props, 'Role');
    const fn: DocEntry[] = [
      ...pick(props, ['FunctionName', 'Description', 'Handler', 'Runtime', 'MemorySize', 'Timeout', 'Environment', 'VpcConfig', 'KmsKeyArn', 'Layers', 'ReservedConcurrentExecutions', 'Architectures', 'EphemeralStorage', 'PackageType', 'ImageConfig', 'FileSystemConfigs', 'Tags', 'CodeSigningConfigArn', 'LoggingConfig', 'SnapStart', 'RuntimeManagementConfig']),
      ...rename(props, { CodeUri: 'Code', InlineCode: 'Code' }),
      role ? entryOf('Role', role) : { key: 'Role', keySpan: at, value: getAtt(`${id}Role`, 'Arn', at) },
    ];
    const tracing = getEntry(props, 'Tracing');
    if (tracing) fn.push({ key: 'TracingConfig', keySpan: tracing.keySpan, value: map([{ key: 'Mode', keySpan: tracing.keySpan, value: tracing.value }], tracing.value.span) });
    const dlq = get(props, 'DeadLetterQueue');
    const dlqTarget = getEntry(dlq, 'TargetArn');
    if (dlqTarget) fn.push({ key: 'DeadLetterConfig', keySpan: dlqTarget.keySpan, value: map([dlqTarget], dlq!.span) });
    generated.push(out(id, 'AWS::Lambda::Function', fn, true));

    if (!role) {
      const managed: DocNode[] = [scalar(BASIC_EXECUTION, at)];
      if (getEntry(props, 'VpcConfig')) managed.push(scalar(VPC_EXECUTION, at));
      if (tracing?.value.kind === 'scalar' && tracing.value.value === 'Active') managed.push(scalar(XRAY_WRITE, at));
      generated.push(out(`${id}Role`, 'AWS::IAM::Role', this.roleProperties(id, props, at, 'lambda.amazonaws.com', managed)));
    }

    const url = asMap(get(props, 'FunctionUrlConfig'));
    if (url) generated.push(out(`${id}Url`, 'AWS::Lambda::Url', [{ key: 'TargetFunctionArn', keySpan: at, value: ref(id, at) }, ...pick(url, ['AuthType', 'Cors', 'InvokeMode'])]));
    for (const key of ['AutoPublishAlias', 'DeploymentPreference', 'ProvisionedConcurrencyConfig', 'EventInvokeConfig']) {
      const e = getEntry(props, key);
      if (e) this.note(e.keySpan, `function ${key}`);
    }

    for (const ev of asMap(get(props, 'Events'))?.entries ?? []) {
      const type = get(ev.value, 'Type');
      const evProps = asMap(get(ev.value, 'Properties')) ?? map([], ev.value.span);
      const t = type?.kind === 'scalar' ? String(type.value) : '';
      if (t === 'SQS' || t === 'Kinesis' || t === 'DynamoDB' || t === 'MSK' || t === 'MQ' || t === 'DocumentDB') {
        generated.push(out(`${id}${ev.key}`, 'AWS::Lambda::EventSourceMapping', [
          { key: 'FunctionName', keySpan: ev.keySpan, value: ref(id, ev.keySpan) },
          ...rename(evProps, t === 'SQS' ? { Queue: 'EventSourceArn' } : t === 'MSK' || t === 'MQ' || t === 'DocumentDB' ? { Stream: 'EventSourceArn', Broker: 'EventSourceArn', Cluster: 'EventSourceArn' } : { Stream: 'EventSourceArn' }),
          ...pick(evProps, ['BatchSize', 'Enabled', 'StartingPosition', 'MaximumBatchingWindowInSeconds', 'FilterCriteria', 'FunctionResponseTypes']),
        ]));
      } else if (t === 'Api') {
        if (!get(evProps, 'RestApiId')) this.implicitRest ??= ev.keySpan;
      } else if (t === 'HttpApi') {
        if (!get(evProps, 'ApiId')) this.implicitHttp ??= ev.keySpan;
      } else this.note(ev.keySpan, `event source ${t || 'of unknown type'} (${ev.key})`);
    }
    return generated;
  }

  /** The execution role SAM creates: trust for the service, managed policies, and `Policies` entries that are names, ARNs or documents. */
  private roleProperties(id: string, props: DocMap, at: Span, service: string, managed: DocNode[]): DocEntry[] {
    const inline: DocNode[] = [];
    const policies = get(props, 'Policies');
    const items = policies?.kind === 'seq' ? policies.items : policies ? [policies] : [];
    items.forEach((p, i) => {
      if (p.kind === 'scalar' && typeof p.value === 'string') {
        managed.push(p.value.startsWith('arn:') ? p : scalar(`arn:aws:iam::aws:policy/${p.value}`, p.span));
      } else if (p.kind === 'map' && getEntry(p, 'Statement')) {
        inline.push(map([{ key: 'PolicyName', keySpan: p.span, value: scalar(`${id}RolePolicy${i}`, p.span) }, { key: 'PolicyDocument', keySpan: p.span, value: p }], p.span));
      } else if (p.kind === 'map' && p.entries.length === 1 && (p.entries[0]!.key === 'Ref' || p.entries[0]!.key.startsWith('Fn::'))) {
        managed.push(p); // an intrinsic that yields a policy ARN
      } else if (p.kind === 'map' && p.entries.length === 1) {
        this.note(p.span, `policy template ${p.entries[0]!.key}`);
      } else this.note(p.span, 'policy entry');
    });
    const trust = map([
      { key: 'Version', keySpan: at, value: scalar('2012-10-17', at) },
      { key: 'Statement', keySpan: at, value: seq([map([
        { key: 'Effect', keySpan: at, value: scalar('Allow', at) },
        { key: 'Principal', keySpan: at, value: map([{ key: 'Service', keySpan: at, value: seq([scalar(service, at)], at) }], at) },
        { key: 'Action', keySpan: at, value: seq([scalar('sts:AssumeRole', at)], at) },
      ], at)], at) },
    ], at);
    const out: DocEntry[] = [
      { key: 'AssumeRolePolicyDocument', keySpan: at, value: trust },
      { key: 'ManagedPolicyArns', keySpan: getEntry(props, 'Policies')?.keySpan ?? at, value: seq(managed, policies?.span ?? at) },
      ...pick(props, ['PermissionsBoundary', 'Tags']),
    ];
    if (inline.length) out.push({ key: 'Policies', keySpan: getEntry(props, 'Policies')!.keySpan, value: seq(inline, policies!.span) });
    return out;
  }

  /** SimpleTable: a one-key table, billed on demand unless throughput is given; no point-in-time recovery (SAM offers none). */
  private table(props: DocMap, at: Span): DocEntry[] {
    const key = asMap(get(props, 'PrimaryKey'));
    const name = getEntry(key, 'Name');
    const typeEntry = getEntry(key, 'Type');
    const attrType = typeEntry?.value.kind === 'scalar' ? ({ String: 'S', Number: 'N', Binary: 'B' } as Record<string, string>)[String(typeEntry.value.value)] ?? String(typeEntry.value.value) : 'S';
    const nameNode = name?.value ?? scalar('id', at);
    const throughput = getEntry(props, 'ProvisionedThroughput');
    return [
      ...pick(props, ['TableName', 'SSESpecification', 'Tags', 'PointInTimeRecoverySpecification']),
      { key: 'AttributeDefinitions', keySpan: key ? getEntry(props, 'PrimaryKey')!.keySpan : at, value: seq([map([{ key: 'AttributeName', keySpan: at, value: nameNode }, { key: 'AttributeType', keySpan: at, value: scalar(attrType, typeEntry?.value.span ?? at) }], key?.span ?? at)], key?.span ?? at) },
      { key: 'KeySchema', keySpan: at, value: seq([map([{ key: 'AttributeName', keySpan: at, value: nameNode }, { key: 'KeyType', keySpan: at, value: scalar('HASH', at) }], at)], at) },
      throughput ? throughput : { key: 'BillingMode', keySpan: at, value: scalar('PAY_PER_REQUEST', at) },
    ];
  }

  private restApi(id: string, props: DocMap, at: Span, out: (l: string, t: string, p: DocEntry[], main?: boolean) => DocEntry): DocEntry[] {
    for (const key of ['Auth', 'Domain', 'Cors', 'Models', 'GatewayResponses']) {
      const e = getEntry(props, key);
      if (e) this.note(e.keySpan, `Api ${key}`);
    }
    const stageName = get(props, 'StageName') ?? scalar('Prod', at);
    const stageId = `${id}${stageName.kind === 'scalar' ? String(stageName.value) : ''}Stage`;
    const endpoint = getEntry(props, 'EndpointConfiguration');
    const api: DocEntry[] = [
      ...pick(props, ['Name', 'Description', 'BinaryMediaTypes', 'MinimumCompressionSize', 'DisableExecuteApiEndpoint', 'Policy', 'ApiKeySourceType', 'Mode', 'Tags']),
      ...rename(props, { DefinitionBody: 'Body', DefinitionUri: 'BodyS3Location' }),
    ];
    if (endpoint) {
      const v = endpoint.value;
      api.push({ key: 'EndpointConfiguration', keySpan: endpoint.keySpan, value: v.kind === 'scalar' ? map([{ key: 'Types', keySpan: endpoint.keySpan, value: seq([v], v.span) }], v.span) : v });
    }
    return [
      out(id, 'AWS::ApiGateway::RestApi', api, true),
      out(`${id}Deployment`, 'AWS::ApiGateway::Deployment', [{ key: 'RestApiId', keySpan: at, value: ref(id, at) }]),
      out(stageId, 'AWS::ApiGateway::Stage', [
        { key: 'RestApiId', keySpan: at, value: ref(id, at) },
        { key: 'DeploymentId', keySpan: at, value: ref(`${id}Deployment`, at) },
        { key: 'StageName', keySpan: getEntry(props, 'StageName')?.keySpan ?? at, value: stageName },
        ...pick(props, ['AccessLogSetting', 'MethodSettings', 'TracingEnabled', 'CacheClusterEnabled', 'CacheClusterSize', 'Variables', 'CanarySetting']),
      ]),
    ];
  }

  private httpApi(id: string, props: DocMap, at: Span, out: (l: string, t: string, p: DocEntry[], main?: boolean) => DocEntry): DocEntry[] {
    for (const key of ['Auth', 'Domain', 'CorsConfiguration']) {
      const e = getEntry(props, key);
      if (e) this.note(e.keySpan, `HttpApi ${key}`);
    }
    const stageName = get(props, 'StageName');
    const stageId = stageName?.kind === 'scalar' ? `${id}${String(stageName.value)}Stage` : `${id}ApiGatewayDefaultStage`;
    return [
      out(id, 'AWS::ApiGatewayV2::Api', [
        ...pick(props, ['Name', 'Description', 'DisableExecuteApiEndpoint', 'FailOnWarnings', 'Tags']),
        ...rename(props, { DefinitionBody: 'Body', DefinitionUri: 'BodyS3Location' }),
        ...(get(props, 'DefinitionBody') || get(props, 'DefinitionUri') ? [] : [{ key: 'ProtocolType', keySpan: at, value: scalar('HTTP', at) }]),
      ], true),
      out(stageId, 'AWS::ApiGatewayV2::Stage', [
        { key: 'ApiId', keySpan: at, value: ref(id, at) },
        { key: 'StageName', keySpan: getEntry(props, 'StageName')?.keySpan ?? at, value: stageName ?? scalar('$default', at) },
        { key: 'AutoDeploy', keySpan: at, value: scalar(true, at) },
        ...pick(props, ['AccessLogSettings', 'DefaultRouteSettings', 'RouteSettings', 'StageVariables']),
      ]),
    ];
  }

  private stateMachine(id: string, props: DocMap, at: Span, out: (l: string, t: string, p: DocEntry[], main?: boolean) => DocEntry): DocEntry[] {
    const role = getEntry(props, 'Role');
    const sm: DocEntry[] = [
      ...pick(props, ['Definition', 'DefinitionString', 'DefinitionS3Location', 'DefinitionSubstitutions', 'Tags']),
      ...rename(props, { Name: 'StateMachineName', Type: 'StateMachineType', Logging: 'LoggingConfiguration', Tracing: 'TracingConfiguration', DefinitionUri: 'DefinitionS3Location' }),
      role ? { ...entryOf('RoleArn', role) } : { key: 'RoleArn', keySpan: at, value: getAtt(`${id}Role`, 'Arn', at) },
    ];
    const events = getEntry(props, 'Events');
    if (events) this.note(events.keySpan, 'state machine Events');
    const generated = [out(id, 'AWS::StepFunctions::StateMachine', sm, true)];
    if (!role) generated.push(out(`${id}Role`, 'AWS::IAM::Role', this.roleProperties(id, props, at, 'states.amazonaws.com', [])));
    return generated;
  }

  /** The APIs SAM creates for `Api`/`HttpApi` events that name none. */
  implicitApis(): DocEntry[] {
    const out: DocEntry[] = [];
    const resource = (id: string, type: string, at: Span, properties: DocEntry[]): DocEntry => ({
      key: id,
      keySpan: at,
      value: map([{ key: 'Type', keySpan: at, value: scalar(type, at) }, { key: 'Properties', keySpan: at, value: map(properties, at) }], at),
    });
    if (this.implicitRest) {
      const at = this.implicitRest;
      out.push(resource('ServerlessRestApi', 'AWS::ApiGateway::RestApi', at, []));
      out.push(resource('ServerlessRestApiDeployment', 'AWS::ApiGateway::Deployment', at, [{ key: 'RestApiId', keySpan: at, value: ref('ServerlessRestApi', at) }]));
      out.push(resource('ServerlessRestApiProdStage', 'AWS::ApiGateway::Stage', at, [
        { key: 'RestApiId', keySpan: at, value: ref('ServerlessRestApi', at) },
        { key: 'DeploymentId', keySpan: at, value: ref('ServerlessRestApiDeployment', at) },
        { key: 'StageName', keySpan: at, value: scalar('Prod', at) },
      ]));
    }
    if (this.implicitHttp) {
      const at = this.implicitHttp;
      out.push(resource('ServerlessHttpApi', 'AWS::ApiGatewayV2::Api', at, [{ key: 'ProtocolType', keySpan: at, value: scalar('HTTP', at) }]));
      out.push(resource('ServerlessHttpApiApiGatewayDefaultStage', 'AWS::ApiGatewayV2::Stage', at, [
        { key: 'ApiId', keySpan: at, value: ref('ServerlessHttpApi', at) },
        { key: 'StageName', keySpan: at, value: scalar('$default', at) },
        { key: 'AutoDeploy', keySpan: at, value: scalar(true, at) },
      ]));
    }
    return out;
  }
}

/** `Globals.Function` under a function's own properties: a property the function sets wins (maps such as `Environment` are merged one level). */
function withGlobals(props: DocMap, globals: DocNode | undefined): DocMap {
  if (globals?.kind !== 'map') return props;
  const entries = [...props.entries];
  for (const g of globals.entries) {
    const own = entries.findIndex((e) => e.key === g.key);
    if (own < 0) entries.push(g);
    else if (g.value.kind === 'map' && entries[own]!.value.kind === 'map') {
      const mine = entries[own]!.value as DocMap;
      const merged = [...mine.entries, ...g.value.entries.filter((x) => !mine.entries.some((m) => m.key === x.key))];
      entries[own] = { ...entries[own]!, value: { ...mine, entries: merged } };
    }
  }
  return { ...props, entries };
}

function pick(props: DocMap, keys: string[]): DocEntry[] {
  return props.entries.filter((e) => keys.includes(e.key));
}

function rename(props: DocMap, names: Record<string, string>): DocEntry[] {
  const out: DocEntry[] = [];
  for (const e of props.entries) {
    const to = names[e.key];
    if (to && !out.some((o) => o.key === to)) out.push({ ...e, key: to });
  }
  return out;
}

function entryOf(key: string, e: DocEntry): DocEntry {
  return { key, keySpan: e.keySpan, value: e.value };
}

function asMap(n: DocNode | undefined): DocMap | undefined {
  return n?.kind === 'map' ? n : undefined;
}

function scalar(value: DocScalar['value'], span: Span): DocScalar {
  return { kind: 'scalar', value, span };
}

function map(entries: DocEntry[], span: Span): DocMap {
  return { kind: 'map', entries, span };
}

function seq(items: DocNode[], span: Span): DocSeq {
  return { kind: 'seq', items, span };
}

function ref(target: string, span: Span): DocMap {
  return map([{ key: 'Ref', keySpan: span, value: scalar(target, span) }], span);
}

function getAtt(target: string, attribute: string, span: Span): DocMap {
  return map([{ key: 'Fn::GetAtt', keySpan: span, value: seq([scalar(target, span), scalar(attribute, span)], span) }], span);
}
