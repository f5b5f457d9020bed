import type { ModelResource, Val } from '../val.js';
import type { PolicyDocument } from '../iam/types.js';

export interface KmsKey extends ModelResource {
  rotation: Val<boolean>;
  /** `SYMMETRIC_DEFAULT` unless set. */
  keySpec: Val<string>;
  policy?: PolicyDocument;
}
