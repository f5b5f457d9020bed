# Storefront platform services (failing sample): the Kubernetes cluster that runs the order
# workers, and the HTTP API the mobile app calls.

# supplementary-logging: no control-plane log type is sent to CloudWatch Logs.
resource "aws_eks_cluster" "workers" {
  name     = "${local.name}-workers"
  role_arn = "arn:aws:iam::111111111111:role/storefront-eks"

  vpc_config {
    subnet_ids              = module.network.private_subnet_ids
    endpoint_public_access  = false
    endpoint_private_access = true
  }
}

resource "aws_apigatewayv2_api" "mobile" {
  name          = "${local.name}-mobile"
  protocol_type = "HTTP"
}

# central-logging: the HTTP API's stage writes no access logs.
resource "aws_apigatewayv2_stage" "mobile" {
  api_id      = aws_apigatewayv2_api.mobile.id
  name        = "$default"
  auto_deploy = true
}

# encryption-in-transit: a REST custom domain on the default security policy (TLS_1_0).
resource "aws_api_gateway_domain_name" "mobile" {
  domain_name              = "api.storefront.example.com"
  regional_certificate_arn = "arn:aws:acm:us-east-1:111111111111:certificate/0aaaaaaa-1111-2222-3333-444444444444"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

# backups: force_destroy deletes every object of this versioned bucket on destroy.
resource "aws_s3_bucket" "exports" {
  bucket        = "${local.name}-exports"
  force_destroy = true
}

resource "aws_s3_bucket_versioning" "exports" {
  bucket = aws_s3_bucket.exports.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_public_access_block" "exports" {
  bucket                  = aws_s3_bucket.exports.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
