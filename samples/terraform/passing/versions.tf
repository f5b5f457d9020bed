terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region              = var.region
  allowed_account_ids = [var.workload_account_id]

  default_tags {
    tags = local.tags
  }
}

# The disaster-recovery region: replica buckets, the DR backup vault.
provider "aws" {
  alias               = "dr"
  region              = var.dr_region
  allowed_account_ids = [var.workload_account_id]

  default_tags {
    tags = local.tags
  }
}

# The log archive account: the CloudTrail bucket lives there, out of reach of
# the workload account's administrators.
provider "aws" {
  alias  = "log_archive"
  region = var.region

  assume_role {
    role_arn     = "arn:aws:iam::${var.log_archive_account_id}:role/retail-log-archive-deployer"
    session_name = "retail-terraform"
  }
}
