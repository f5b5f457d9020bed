# Secrets and keys of the shop (PASSING): the reporting password in a SecureString parameter, the
# notifier given the secret's ARN and reading it at run time, secrets under the workload's key, and
# the export key rotated and usable only from this account.

variable "reporting_db_password" {
  type      = string
  sensitive = true
}

resource "aws_ssm_parameter" "reporting_db_password" {
  name  = "/${local.name}/reporting/db-password"
  type  = "SecureString"
  value = var.reporting_db_password
}

resource "aws_kms_key" "secrets" {
  description         = "Retail secrets"
  enable_key_rotation = true
}

resource "aws_secretsmanager_secret" "payment_webhook" {
  name       = "${local.name}/payments/webhook"
  kms_key_id = aws_kms_key.secrets.arn
}

resource "aws_lambda_function" "order_notifier" {
  function_name = "${local.name}-order-notifier"
  role          = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/${local.name}-order-notifier"
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  filename      = "notifier.zip"

  environment {
    variables = {
      SLACK_TOKEN_SECRET_ARN = aws_secretsmanager_secret.payment_webhook.arn
      ORDERS_TOPIC           = "retail-orders"
    }
  }
}

resource "aws_kms_key" "exports" {
  description         = "Retail order exports"
  enable_key_rotation = true
  policy = jsonencode({
    Statement = [
      {
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = ["kms:Decrypt", "kms:DescribeKey"]
        Resource  = "*"
        Condition = { StringEquals = { "kms:CallerAccount" = data.aws_caller_identity.current.account_id } }
      },
    ]
  })
}
