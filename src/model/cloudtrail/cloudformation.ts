import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { unknownVal } from '../val.js';
import type { Trail } from './types.js';
import { logSource } from '../facets.js';
import { deliveryTo } from '../logs/common.js';

// AWS::CloudTrail::Trail — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudtrail-trail.html
// IsLogging is required; IsMultiRegionTrail default false; IncludeGlobalServiceEvents default true;
// EnableLogFileValidation default false; S3BucketName is the log bucket's name; KMSKeyId absent: SSE-S3.
const TRAIL = 'AWS::CloudTrail::Trail';
const IS_MULTI_REGION = 'IsMultiRegionTrail';
const IS_LOGGING = 'IsLogging';
const GLOBAL_EVENTS = 'IncludeGlobalServiceEvents';
const LOG_FILE_VALIDATION = 'EnableLogFileValidation';
const S3_BUCKET_NAME = 'S3BucketName';
const KMS_KEY_ID = 'KMSKeyId';
// CloudWatchLogsLogGroupArn: the log group the trail also delivers to; without it, events go to S3 only.
const CLOUDWATCH_LOGS_GROUP = 'CloudWatchLogsLogGroupArn';

export const adapter: Adapter = {
  service: 'cloudtrail',
  source: 'cloudformation',
  adapt(graph, model) {
    for (const node of graph.ofType(TRAIL)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const trail: Trail = {
        resource: r.info(),
        multiRegion: r.bool([IS_MULTI_REGION], { value: false, assumed: 'single-region trail (IsMultiRegionTrail false)' }),
        logging: r.bool([IS_LOGGING]) ?? unknownVal(r.origin([IS_LOGGING]), 'IsLogging is required and missing'),
        globalServiceEvents: r.bool([GLOBAL_EVENTS], { value: true, assumed: 'global service events included' }),
        logFileValidation: r.bool([LOG_FILE_VALIDATION], { value: false, assumed: 'log file validation off' }),
        bucket: r.link([S3_BUCKET_NAME]) ?? unknownVal(r.origin([S3_BUCKET_NAME]), 'S3BucketName is required and missing'),
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
