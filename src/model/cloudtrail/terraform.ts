import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { unknownVal } from '../val.js';
import type { Trail } from './types.js';
import { logSource } from '../facets.js';
import { deliveryTo } from '../logs/common.js';

// aws_cloudtrail — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail
// is_multi_region_trail default false; enable_logging default true; include_global_service_events
// default true; enable_log_file_validation default false; s3_bucket_name (required); kms_key_id absent: SSE-S3.
const TRAIL = 'aws_cloudtrail';
const IS_MULTI_REGION = 'is_multi_region_trail';
const ENABLE_LOGGING = 'enable_logging';
const GLOBAL_EVENTS = 'include_global_service_events';
const LOG_FILE_VALIDATION = 'enable_log_file_validation';
const S3_BUCKET_NAME = 's3_bucket_name';
const KMS_KEY_ID = 'kms_key_id';
// cloud_watch_logs_group_arn: the log group the trail also delivers to; without it, events go to S3 only.
const CLOUDWATCH_LOGS_GROUP = 'cloud_watch_logs_group_arn';

export const adapter: Adapter = {
  service: 'cloudtrail',
  source: 'terraform',
  adapt(graph, model) {
    for (const node of graph.ofType(TRAIL)) {
      if (node.mode !== 'managed') continue;
      const r = new PropertyReader(node, graph, '');
      const trail: Trail = {
        resource: r.info(),
        multiRegion: r.bool([IS_MULTI_REGION], { value: false, assumed: 'single-region trail (is_multi_region_trail false)' }),
        logging: r.bool([ENABLE_LOGGING], { value: true, assumed: 'logging on' }),
        globalServiceEvents: r.bool([GLOBAL_EVENTS], { value: true, assumed: 'global service events included' }),
        logFileValidation: r.bool([LOG_FILE_VALIDATION], { value: false, assumed: 'log file validation off' }),
        bucket: r.link([S3_BUCKET_NAME]) ?? unknownVal(r.origin([S3_BUCKET_NAME]), 's3_bucket_name is required and missing'),
        kmsKey: r.str([KMS_KEY_ID], { value: '', assumed: 'log files encrypted with SSE-S3' }),
      };
      model.trails.push(trail);
      const logs = deliveryTo(r, [CLOUDWATCH_LOGS_GROUP], 'events delivered to the S3 bucket only');
      model.facets.logSources.push(logSource(trail, 'CloudTrail trail', 'events to CloudWatch Logs', logs.enabled, logs.destinations, {
        lower: 'the events are kept in the S3 bucket already; CloudWatch Logs adds search and metric filters for alarms',
      }));
    }
  },
};
