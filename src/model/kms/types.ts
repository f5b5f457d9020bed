import type { ModelResource, Val } from '../val.js';
import type { PolicyDocument } from '../iam/types.js';

export interface KmsKey extends ModelResource {
  rotation: Val<boolean>;
  /** `SYMMETRIC_DEFAULT` unless set. */
  keySpec: Val<string>;
  /** Days between scheduling the key's deletion and the deletion (7–30; 30 unless set). */
  deletionWindow: Val<number>;
  policy?: PolicyDocument;
}
