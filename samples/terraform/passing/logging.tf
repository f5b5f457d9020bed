# Central logging (central-logging): where the shop's logs go, and for how long they are kept.

# Customer uploads log their access into the access-log bucket (content.tf), like the assets.
resource "aws_s3_bucket_logging" "uploads" {
  bucket        = aws_s3_bucket.uploads.id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "uploads/"
}

# Flow logs of the whole VPC, delivered to the log archive account's bucket.
resource "aws_flow_log" "vpc" {
  vpc_id               = module.network.vpc_id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::retail-org-flow-logs-222222222222"
}

# The trail's events also go to CloudWatch Logs (audit.tf), for metric filters and alarms.
resource "aws_cloudwatch_log_group" "trail" {
  name              = "/${local.name}/cloudtrail"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.data.arn
}

# WAF logs go to log groups whose names start with aws-waf-logs- (a WAFv2 requirement).
resource "aws_cloudwatch_log_group" "waf_edge" {
  name              = "aws-waf-logs-${local.name}-edge"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.data.arn
}

resource "aws_wafv2_web_acl_logging_configuration" "edge" {
  resource_arn            = aws_wafv2_web_acl.edge.arn
  log_destination_configs = [aws_cloudwatch_log_group.waf_edge.arn]
}

resource "aws_cloudwatch_log_group" "waf_alb" {
  name              = "aws-waf-logs-${local.name}-alb"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.data.arn
}

resource "aws_wafv2_web_acl_logging_configuration" "alb" {
  resource_arn            = aws_wafv2_web_acl.alb.arn
  log_destination_configs = [aws_cloudwatch_log_group.waf_alb.arn]
}
