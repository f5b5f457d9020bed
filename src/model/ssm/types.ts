import type { ModelResource, Val } from '../val.js';

/** An SSM Parameter Store parameter. */
export interface SsmParameter extends ModelResource {
  /** `String`, `StringList` or `SecureString` (encrypted with KMS). */
  type: Val<string>;
  name: Val<string>;
}
