import type { Origin, Val } from '../val.js';

export interface PolicyCondition {
  /** `StringEquals`, `Bool`, `ArnLike` … with any `ForAllValues:`/`IfExists` kept as written. */
  operator: string;
  key: string;
  values: string[];
  /** Some values could not be known (a parameter, a variable without default): the key still limits the statement. */
  unknownValues?: boolean;
}

export interface Principal {
  /** `"*"` or `{ AWS: "*" }`: anyone. */
  anyone: boolean;
  aws: string[];
  service: string[];
  federated: string[];
  /** S3 canonical user ids (rare; bucket policies only). */
  canonicalUser?: string[];
}

export interface PolicyStatement {
  sid?: string;
  effect: Val<'Allow' | 'Deny'>;
  /** Absent in identity policies. */
  principal?: Val<Principal>;
  notPrincipal?: Val<Principal>;
  actions: Val<string[]>;
  notActions?: Val<string[]>;
  resources: Val<string[]>;
  notResources?: Val<string[]>;
  conditions: Val<PolicyCondition[]>;
  origin: Origin;
}

export interface PolicyDocument {
  statements: PolicyStatement[];
  origin: Origin;
  /** Set when the document (or some statements of it) could not be read: the reason. Rules treat the missing part as unknown. */
  unknown?: string;
}
