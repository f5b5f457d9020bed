import type { LogSource } from '../facets.js';
import { logSource } from '../facets.js';
import type { Origin } from '../val.js';
import { defaulted } from '../val.js';
import type { Vpc } from './types.js';

/**
 * A VPC's flow logs: none unless a flow log resource names the VPC, one of its subnets or network
 * interfaces (the linker looks for them). `flowLogType` is the input's spelling, for the message.
 */
export function vpcFlowLogs(vpc: Vpc, at: Origin, flowLogType: string): LogSource {
  return logSource(vpc, 'VPC', 'flow logs', defaulted(false, { ...at, path: '' }, `no flow log (${flowLogType}) names the VPC, one of its subnets or network interfaces`), [], { configuredBy: 'flow logs' });
}
