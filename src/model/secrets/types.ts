import type { ModelResource, Val } from '../val.js';

/**
 * A string of a resource that holds, or looks like, a credential: the value of a property, map
 * key or environment variable named like a secret, or any string with a credential's shape.
 */
export interface SecretValue extends ModelResource {
  /** The property, key or variable name that holds it. */
  name: string;
  /** The value: a literal, or unknown (a reference, a parameter without default …). Never shown: rules show `redact(value)`. */
  value: Val<string>;
  /** The shape it has (`an AWS access key id`), when it is recognised by shape rather than (only) by name. */
  shape?: string;
  /** The part of the value that has the shape. */
  match?: string;
  /** Named like a secret (`MasterUserPassword`, `DB_PASSWORD`). */
  named: boolean;
  /** Resolved from a secret store at deploy time (CloudFormation `{{resolve:secretsmanager:…}}` / `{{resolve:ssm-secure:…}}`). */
  dynamicReference?: 'secretsmanager' | 'ssm-secure' | 'ssm';
  /** Set as an environment variable of a function or container: kept in plain text in its configuration. */
  environment?: 'lambda' | 'ecs';
}
