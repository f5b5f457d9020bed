# The trail's bucket is created in the log archive account (provider
# aws.log_archive assumes a role there), so the workload account's
# administrators cannot change or delete the logs.
resource "aws_s3_bucket" "trail" {
  provider = aws.log_archive

  bucket              = "retail-org-cloudtrail-${var.log_archive_account_id}"
  object_lock_enabled = true
}

resource "aws_s3_bucket_public_access_block" "trail" {
  provider = aws.log_archive
  bucket   = aws_s3_bucket.trail.id

  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "trail" {
  provider = aws.log_archive
  bucket   = aws_s3_bucket.trail.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_object_lock_configuration" "trail" {
  provider = aws.log_archive
  bucket   = aws_s3_bucket.trail.id

  rule {
    default_retention {
      mode = "COMPLIANCE"
      days = 400
    }
  }
}

data "aws_iam_policy_document" "trail_bucket" {
  statement {
    sid       = "CloudTrailAclCheck"
    actions   = ["s3:GetBucketAcl"]
    resources = [aws_s3_bucket.trail.arn]

    principals {
      type        = "Service"
      identifiers = ["cloudtrail.amazonaws.com"]
    }

    condition {
      test     = "StringLike"
      variable = "aws:SourceArn"
      values   = ["arn:aws:cloudtrail:*:${var.workload_account_id}:trail/*"]
    }
  }

  statement {
    sid       = "CloudTrailWrite"
    actions   = ["s3:PutObject"]
    resources = ["${aws_s3_bucket.trail.arn}/AWSLogs/${var.workload_account_id}/*"]

    principals {
      type        = "Service"
      identifiers = ["cloudtrail.amazonaws.com"]
    }

    condition {
      test     = "StringLike"
      variable = "aws:SourceArn"
      values   = ["arn:aws:cloudtrail:*:${var.workload_account_id}:trail/*"]
    }
  }

  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.trail.arn, "${aws_s3_bucket.trail.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "trail" {
  provider = aws.log_archive
  bucket   = aws_s3_bucket.trail.id
  policy   = data.aws_iam_policy_document.trail_bucket.json
}

resource "aws_cloudtrail" "main" {
  depends_on = [aws_s3_bucket_policy.trail]

  name                          = "${local.name}-audit"
  s3_bucket_name                = aws_s3_bucket.trail.id
  kms_key_id                    = aws_kms_key.data.arn
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
  cloud_watch_logs_group_arn    = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn     = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/${local.name}-cloudtrail-to-logs"
}

# Detective controls of the workload account: public buckets and changes to instances are detected.
resource "aws_accessanalyzer_analyzer" "account" {
  analyzer_name = "${local.name}-account"
  type          = "ACCOUNT"
}

resource "aws_guardduty_detector" "main" {
  enable = true
}

# The same in the log archive account.
resource "aws_accessanalyzer_analyzer" "log_archive" {
  provider      = aws.log_archive
  analyzer_name = "${local.name}-log-archive"
}

resource "aws_guardduty_detector" "log_archive" {
  provider = aws.log_archive
}
