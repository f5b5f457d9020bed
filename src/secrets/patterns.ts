/*
 * What a secret looks like: the shapes of well-known credentials (by their documented
 * prefixes and lengths), the names of properties and variables that hold one, and the
 * one form in which a secret may be shown in any output.
 */

export interface TokenPattern {
  /** What it is, for messages ("an AWS access key id"). */
  what: string;
  re: RegExp;
  /** The fixed text every match starts with (a regex source): strings without any pattern's prefix are passed after one scan. */
  prefix: string;
}

/** Credentials recognisable by their shape wherever they appear in a string. */
export const TOKEN_PATTERNS: readonly TokenPattern[] = [
  { what: 'an AWS access key id', re: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b/, prefix: 'AKIA|ASIA|ABIA|ACCA' },
  { what: 'a private key', re: /-----BEGIN (?:[A-Z]+ )*PRIVATE KEY(?: BLOCK)?-----/, prefix: '-----BEGIN ' },
  { what: 'a GitHub token', re: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/, prefix: 'gh[pousr]_|github_pat_' },
  { what: 'a GitLab token', re: /\bglpat-[A-Za-z0-9_-]{20,}\b/, prefix: 'glpat-' },
  { what: 'a Slack token', re: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/, prefix: 'xox[abposr]-' },
  { what: 'a Slack webhook URL', re: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]+/, prefix: 'https://hooks\\.slack\\.com/' },
  { what: 'a Stripe secret key', re: /\b[rs]k_live_[A-Za-z0-9]{20,}\b/, prefix: '[rs]k_live_' },
  { what: 'a Google API key', re: /\bAIza[0-9A-Za-z_-]{35}\b/, prefix: 'AIza' },
  { what: 'an npm token', re: /\bnpm_[A-Za-z0-9]{36}\b/, prefix: 'npm_' },
  { what: 'a SendGrid API key', re: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/, prefix: 'SG\\.' },
];

/** Any pattern's prefix: a string without one has none of the shapes (most strings are such). */
const TOKEN_PREFIXES = new RegExp(TOKEN_PATTERNS.map((p) => `(?:${p.prefix})`).join('|'));

/** The first credential shape found in a string. */
export function findToken(s: string): { what: string; match: string } | undefined {
  if (!TOKEN_PREFIXES.test(s)) return undefined;
  for (const p of TOKEN_PATTERNS) {
    const m = p.re.exec(s);
    if (m) return { what: p.what, match: m[0] };
  }
  return undefined;
}

/** A property or variable name, lower-cased without separators: `MasterUserPassword`, `DB_PASSWORD` → `masteruserpassword`, `dbpassword`. */
function squash(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Endings that name a secret value. */
const SECRET_ENDINGS = [
  'password', 'passwd', 'passphrase', 'secret', 'secretstring', 'secretkey', 'secretaccesskey', 'accesskey', 'privatekey', 'apikey',
  'token', 'credentials',
];
/** Names that end like a secret but hold something else: a reference to one, a setting about one, an AWS request token. */
const NOT_SECRETS = [
  'clientrequesttoken', 'clienttoken', 'creationtoken', 'idempotencytoken', 'requesttoken', 'nexttoken', 'tokenurl', 'tokenendpoint', 'passwordpolicy',
  'managemasteruserpassword', 'passwordresetrequired', 'passwordlength', 'excludepassword', 'generatesecretstring',
];
/** True for names like `MasterUserPassword`, `password`, `secret_key`, `DB_PASSWORD`, `API_TOKEN`, `StripeApiKey`. */
export function isSecretName(name: string): boolean {
  const s = squash(name);
  if (s === '' || NOT_SECRETS.includes(s)) return false;
  // A name that goes on after the secret word (`SecretArn`, `PasswordParameter`, `secret_name`) points at a secret instead.
  return SECRET_ENDINGS.some((e) => s.endsWith(e));
}

/**
 * The only form in which a secret is ever shown: its first characters and its length
 * (`AKIA… (20 characters)`). At most 4 characters, and no more than a quarter of the value,
 * so that a short password is not mostly printed.
 */
export function redact(secret: string): string {
  const shown = Math.min(4, Math.floor(secret.length / 4));
  return `${secret.slice(0, shown)}… (${secret.length} characters)`;
}
