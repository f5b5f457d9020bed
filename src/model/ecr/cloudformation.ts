import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { readRepository } from './common.js';

// AWS::ECR::Repository — aws-resource-ecr-repository.html, EncryptionConfiguration { EncryptionType (AES256 | KMS | KMS_DSSE), KmsKey }
// (aws-properties-ecr-repository-encryptionconfiguration.html).
const REPOSITORY = 'AWS::ECR::Repository';
const CONFIG = 'EncryptionConfiguration';
const SPELLING = { encryptionType: [CONFIG, 'EncryptionType'], kmsKey: [CONFIG, 'KmsKey'] };

export const adapter: Adapter = {
  service: 'ecr',
  source: 'cloudformation',
  adapt(graph, model) {
    for (const node of graph.ofType(REPOSITORY)) readRepository(new PropertyReader(node, graph, 'Properties'), SPELLING, model);
  },
};
