import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { explicit } from '../val.js';
import { statusIs } from './common.js';
import type { Detector } from './types.js';

/*
 * Account-level detective services in CloudFormation:
 * - AWS::AccessAnalyzer::Analyzer `Type` (ACCOUNT | ORGANIZATION | ACCOUNT_UNUSED_ACCESS | ORGANIZATION_UNUSED_ACCESS), required;
 * - AWS::Config::ConfigRule `Source` { Owner: AWS, SourceIdentifier }; AWS::Config::ConfigurationRecorder (recording
 *   once a delivery channel exists; CloudFormation starts it);
 * - AWS::GuardDuty::Detector `Enable` (required); AWS::Macie::Session `Status` (default ENABLED);
 * - AWS::SecurityHub::Hub. Amazon Inspector (v2) is enabled through the API only: no CloudFormation resource.
 */
const ANALYZER = 'AWS::AccessAnalyzer::Analyzer';
const CONFIG_RULE = 'AWS::Config::ConfigRule';
const RECORDER = 'AWS::Config::ConfigurationRecorder';
const GUARDDUTY = 'AWS::GuardDuty::Detector';
const MACIE = 'AWS::Macie::Session';
const SECURITY_HUB = 'AWS::SecurityHub::Hub';
const TYPE = 'Type';
const SOURCE_OWNER = ['Source', 'Owner'];
const SOURCE_IDENTIFIER = ['Source', 'SourceIdentifier'];
const ENABLE = 'Enable';
const STATUS = 'Status';

export const adapter: Adapter = {
  service: 'securityservices',
  source: 'cloudformation',
  adapt(graph, model) {
    const on = (r: PropertyReader) => explicit(true, r.origin([]));
    for (const node of graph.ofType(ANALYZER)) {
      const r = new PropertyReader(node, graph, 'Properties');
      model.detectors.push({ resource: r.info(), kind: 'access-analyzer', enabled: on(r), analyzerType: r.str([TYPE], { value: 'ACCOUNT', assumed: 'type ACCOUNT' }) });
    }
    for (const node of graph.ofType(CONFIG_RULE)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const d: Detector = { resource: r.info(), kind: 'config-rule', enabled: on(r) };
      if (r.str(SOURCE_OWNER)?.value === 'AWS') d.managedRule = r.str(SOURCE_IDENTIFIER, { value: '', assumed: 'no rule' });
      model.detectors.push(d);
    }
    for (const node of graph.ofType(RECORDER)) {
      const r = new PropertyReader(node, graph, 'Properties');
      model.detectors.push({ resource: r.info(), kind: 'config-recorder', enabled: on(r) });
    }
    for (const node of graph.ofType(GUARDDUTY)) {
      const r = new PropertyReader(node, graph, 'Properties');
      model.detectors.push({ resource: r.info(), kind: 'guardduty', enabled: r.bool([ENABLE], { value: true, assumed: 'enabled' }) });
    }
    for (const node of graph.ofType(MACIE)) {
      const r = new PropertyReader(node, graph, 'Properties');
      model.detectors.push({ resource: r.info(), kind: 'macie', enabled: statusIs(r.str([STATUS], { value: 'ENABLED', assumed: 'status ENABLED' }), 'ENABLED') });
    }
    for (const node of graph.ofType(SECURITY_HUB)) {
      const r = new PropertyReader(node, graph, 'Properties');
      model.detectors.push({ resource: r.info(), kind: 'security-hub', enabled: on(r) });
    }
  },
};
