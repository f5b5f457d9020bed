# A provider configuration for the legacy account, written the way a quick fix once left it
# (failing sample): iam-no-static-access-keys and no-hardcoded-secrets report the static key
# and its secret, redacted.
provider "aws" {
  alias      = "legacy"
  region     = "us-east-1"
  access_key = "AKIAIOSFODNN7EXAMPLE"
  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
}
