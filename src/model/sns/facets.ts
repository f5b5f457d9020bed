import type { DataStore } from '../facets.js';
import { dataStore } from '../facets.js';
import { explicit, namesKey } from '../val.js';
import type { Topic } from './types.js';

export function topicStore(t: Topic): DataStore {
  // A topic is encrypted exactly when it names a KMS key (a reference known only after deployment names one too).
  const k = t.kmsKey;
  return dataStore(t, 'SNS topic', { contents: 'messages', atRest: { kind: 'switch', enabled: k.provenance === 'unknown' ? explicit(true, k.origin) : { ...k, value: namesKey(k) } } });
}
