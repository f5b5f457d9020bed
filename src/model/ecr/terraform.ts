import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { readRepository } from './common.js';

// aws_ecr_repository — .../docs/resources/ecr_repository, encryption_configuration { encryption_type (AES256 | KMS | KMS_DSSE), kms_key }.
const REPOSITORY = 'aws_ecr_repository';
const CONFIG = 'encryption_configuration';
const SPELLING = { encryptionType: [CONFIG, 0, 'encryption_type'], kmsKey: [CONFIG, 0, 'kms_key'] };

export const adapter: Adapter = {
  service: 'ecr',
  source: 'terraform',
  adapt(graph, model) {
    for (const node of graph.ofType(REPOSITORY)) readRepository(new PropertyReader(node, graph, ''), SPELLING, model);
  },
};
