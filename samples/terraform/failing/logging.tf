# Central logging (central-logging): what the shop gets wrong.

# The access-log bucket logs its own access into itself: every delivery is logged again.
resource "aws_s3_bucket_logging" "access_logs" {
  bucket        = aws_s3_bucket.access_logs.id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "self/"
}

# No retention_in_days: the events never expire.
resource "aws_cloudwatch_log_group" "web" {
  name = "/${local.name}/web"
}
