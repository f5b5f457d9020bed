import type { ResourceNode } from '../../graph/graph.js';
import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { explicit } from '../val.js';
import { statusIs } from './common.js';
import type { Detector } from './types.js';

/*
 * Account-level detective services in Terraform (hashicorp/aws):
 * - aws_accessanalyzer_analyzer `type` (default ACCOUNT);
 * - aws_config_config_rule `source { owner, source_identifier }`; aws_config_configuration_recorder, whose
 *   aws_config_configuration_recorder_status `is_enabled` starts it (without one the recorder is taken as declared on);
 * - aws_guardduty_detector `enable` (default true); aws_macie2_account `status` (default ENABLED);
 * - aws_inspector2_enabler; aws_securityhub_account.
 */
const ANALYZER = 'aws_accessanalyzer_analyzer';
const CONFIG_RULE = 'aws_config_config_rule';
const RECORDER = 'aws_config_configuration_recorder';
const RECORDER_STATUS = 'aws_config_configuration_recorder_status';
const GUARDDUTY = 'aws_guardduty_detector';
const MACIE = 'aws_macie2_account';
const INSPECTOR = 'aws_inspector2_enabler';
const SECURITY_HUB = 'aws_securityhub_account';
const TYPE = 'type';
const SOURCE = 'source';
const OWNER = 'owner';
const SOURCE_IDENTIFIER = 'source_identifier';
const ENABLE = 'enable';
const STATUS = 'status';
const IS_ENABLED = 'is_enabled';
const NAME = 'name';

export const adapter: Adapter = {
  service: 'securityservices',
  source: 'terraform',
  adapt(graph, model) {
    const reader = (n: ResourceNode): PropertyReader => new PropertyReader(n, graph, '');
    const on = (r: PropertyReader) => explicit(true, r.origin([]));
    for (const node of graph.ofType(ANALYZER)) {
      const r = reader(node);
      model.detectors.push({ resource: r.info(), kind: 'access-analyzer', enabled: on(r), analyzerType: r.str([TYPE], { value: 'ACCOUNT', assumed: 'type ACCOUNT' }) });
    }
    for (const node of graph.ofType(CONFIG_RULE)) {
      const r = reader(node);
      const d: Detector = { resource: r.info(), kind: 'config-rule', enabled: on(r) };
      const source = r.at([SOURCE, 0]);
      if (source.str([OWNER])?.value === 'AWS') d.managedRule = source.str([SOURCE_IDENTIFIER], { value: '', assumed: 'no rule' });
      model.detectors.push(d);
    }
    const statuses = graph.ofType(RECORDER_STATUS).map(reader);
    for (const node of graph.ofType(RECORDER)) {
      const r = reader(node);
      // The status resource names the recorder by name (`aws_config_configuration_recorder.x.name`, or the literal).
      const status = statuses.find((s) => {
        const v = s.value([NAME]);
        return (v?.kind === 'ref' && v.target === node.id) || (v?.kind === 'string' && r.str([NAME])?.value === v.value);
      });
      const enabled = status ? status.bool([IS_ENABLED]) ?? explicit(false, status.origin([IS_ENABLED])) : on(r);
      model.detectors.push({ resource: r.info(), kind: 'config-recorder', enabled });
    }
    for (const node of graph.ofType(GUARDDUTY)) {
      const r = reader(node);
      model.detectors.push({ resource: r.info(), kind: 'guardduty', enabled: r.bool([ENABLE], { value: true, assumed: 'enabled' }) });
    }
    for (const node of graph.ofType(MACIE)) {
      const r = reader(node);
      model.detectors.push({ resource: r.info(), kind: 'macie', enabled: statusIs(r.str([STATUS], { value: 'ENABLED', assumed: 'status ENABLED' }), 'ENABLED') });
    }
    for (const node of graph.ofType(INSPECTOR)) {
      const r = reader(node);
      model.detectors.push({ resource: r.info(), kind: 'inspector', enabled: on(r) });
    }
    for (const node of graph.ofType(SECURITY_HUB)) {
      const r = reader(node);
      model.detectors.push({ resource: r.info(), kind: 'security-hub', enabled: on(r) });
    }
  },
};
