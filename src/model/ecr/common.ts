import { dataStore } from '../facets.js';
import type { CloudModel } from '../model.js';
import type { Path, PropertyReader } from '../read.js';
import type { Val } from '../val.js';
import { explicit, namesKey } from '../val.js';
import type { EcrRepository } from './types.js';

/** Where one input kind keeps the encryption settings of a repository. */
export interface RepositorySpelling {
  encryptionType: Path;
  kmsKey: Path;
}

/*
 * Defaults (ECR API, EncryptionConfiguration): with no encryption configuration, or `AES256`, the
 * images are encrypted with Amazon S3-managed keys; `KMS` and `KMS_DSSE` use the KMS key named in
 * `KmsKey` / `kms_key`, or the AWS managed key `aws/ecr` when none is named. Either way the
 * repository is encrypted: only a named KMS key is one the customer controls.
 */
export function readRepository(r: PropertyReader, s: RepositorySpelling, model: CloudModel): EcrRepository {
  const repo: EcrRepository = {
    resource: r.info(),
    encryptionType: r.str(s.encryptionType, { value: 'AES256', assumed: 'AES256: Amazon S3-managed keys' }),
    kmsKey: r.str(s.kmsKey, { value: '', assumed: 'the AWS managed key aws/ecr' }),
  };
  model.ecrRepositories.push(repo);
  model.facets.dataStores.push(dataStore(repo, 'ECR repository', {
    contents: 'artifacts',
    atRest: { kind: 'always', ownKey: ownKey(repo) },
  }));
  return repo;
}

function ownKey(repo: EcrRepository): Val<boolean> {
  const t = repo.encryptionType;
  if (t.provenance === 'unknown') return t;
  const k = repo.kmsKey;
  if (t.value !== 'KMS' && t.value !== 'KMS_DSSE') {
    // A written AES256 is judged at the key it leaves unset, so the message reads "… is not set, so the default applies (…)".
    if (t.provenance === 'explicit' && k.provenance === 'default') return { ...k, value: false, assumed: `none with encryption type ${JSON.stringify(t.value)}: Amazon S3-managed keys` };
    return { ...t, value: false };
  }
  // A key that is named (a literal or a reference) is the customer's own; an unknown one is undecidable.
  if (k.provenance === 'unknown') return k;
  return namesKey(k) ? explicit(true, k.origin) : { ...k, value: false };
}
