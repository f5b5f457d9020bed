# An alarm that watches the order notifier but can never page anyone: its actions are switched off.
resource "aws_cloudwatch_metric_alarm" "order_notifier_errors" {
  alarm_name          = "order-notifier-errors"
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  dimensions          = { FunctionName = aws_lambda_function.order_notifier.function_name }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  actions_enabled     = false
  alarm_actions       = ["arn:aws:sns:us-east-1:111111111111:on-call"]
}
