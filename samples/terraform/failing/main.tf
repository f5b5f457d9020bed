locals {
  name = "retail-${var.environment}"

  tags = {
    Application = "retail"
    Environment = var.environment
  }
}

data "aws_caller_identity" "current" {}

module "network" {
  source = "./modules/network"

  name                   = local.name
  cidr_block             = var.vpc_cidr
  az_count               = 2
  data_subnets_single_az = var.environment != "production"
}

resource "aws_kms_key" "data" {
  description         = "Retail data key"
  enable_key_rotation = true
}
