resource "aws_dynamodb_table" "orders" {
  name         = "${local.name}-orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "orderId"

  attribute {
    name = "orderId"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.data.arn
  }

  point_in_time_recovery {
    enabled = true
  }
}

resource "aws_sns_topic" "order_events" {
  name = "${local.name}-order-events"
}

resource "aws_sqs_queue" "fulfilment" {
  name                       = "${local.name}-fulfilment"
  sqs_managed_sse_enabled    = false
  visibility_timeout_seconds = 120
}

resource "aws_sns_topic_subscription" "fulfilment" {
  topic_arn = aws_sns_topic.order_events.arn
  protocol  = "sqs"
  endpoint  = aws_sqs_queue.fulfilment.arn
}

# ------------------------------------------------------------------ backups
resource "aws_backup_vault" "main" {
  name = local.name
}

resource "aws_backup_vault" "copy" {
  name        = "${local.name}-copy"
  kms_key_arn = aws_kms_key.data.arn
}

resource "aws_backup_plan" "daily" {
  name = "${local.name}-daily"

  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.main.name
    schedule          = "cron(0 3 * * ? *)"

    lifecycle {
      delete_after = 35
    }

    # A second vault in the same region: not disaster recovery.
    copy_action {
      destination_vault_arn = aws_backup_vault.copy.arn
    }
  }
}

resource "aws_backup_selection" "data" {
  name         = "data"
  plan_id      = aws_backup_plan.daily.id
  iam_role_arn = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/service-role/AWSBackupDefaultServiceRole"

  resources = [
    aws_dynamodb_table.orders.arn,
    aws_rds_cluster.catalogue.arn,
    aws_db_instance.reporting.arn,
    aws_efs_file_system.media.arn,
  ]
}
