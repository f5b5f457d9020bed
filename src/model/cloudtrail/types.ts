import type { Link, ModelResource, Val } from '../val.js';

export interface Trail extends ModelResource {
  multiRegion: Val<boolean>;
  logging: Val<boolean>;
  globalServiceEvents: Val<boolean>;
  logFileValidation: Val<boolean>;
  /** The log bucket: a graph link when it is referenced, else its literal name. */
  bucket: Val<Link>;
  /** The KMS key that encrypts log files; '' (default) for SSE-S3. */
  kmsKey: Val<string>;
}
