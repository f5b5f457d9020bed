# ------------------------------------------------------------ scaling (checklist 2.2)
# Capacity that nothing scales: a worker group of fixed size with no policy, an ECS
# service with no scalable target, a scalable target with no policy, and a lone instance
# attached to a target group.

resource "aws_autoscaling_group" "workers" {
  name               = "${local.name}-workers"
  min_size           = 2
  max_size           = 2
  availability_zones = ["eu-west-1a", "eu-west-1b"]

  launch_template {
    id      = "lt-0123456789abcdef0"
    version = "1"
  }
}

# Watched, but not scaled: the alarm only tells someone.
resource "aws_cloudwatch_metric_alarm" "workers_cpu" {
  alarm_name          = "${local.name}-workers-cpu"
  namespace           = "AWS/EC2"
  metric_name         = "CPUUtilization"
  dimensions          = { AutoScalingGroupName = aws_autoscaling_group.workers.name }
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  threshold           = 80
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = ["arn:aws:sns:eu-west-1:111111111111:operations"]
}

resource "aws_ecs_cluster" "orders" {
  name = "${local.name}-orders"
}

resource "aws_ecs_service" "orders_api" {
  name            = "orders-api"
  cluster         = aws_ecs_cluster.orders.id
  task_definition = "arn:aws:ecs:eu-west-1:111111111111:task-definition/orders-api:1"
  desired_count   = 2
}

resource "aws_ecs_service" "fulfilment" {
  name            = "fulfilment"
  cluster         = aws_ecs_cluster.orders.id
  task_definition = "arn:aws:ecs:eu-west-1:111111111111:task-definition/fulfilment:1"
  desired_count   = 1
}

# A target that nothing acts on: no policy, no scheduled action.
resource "aws_appautoscaling_target" "fulfilment" {
  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/${aws_ecs_cluster.orders.name}/${aws_ecs_service.fulfilment.name}"
  min_capacity       = 1
  max_capacity       = 4
}

resource "aws_instance" "legacy" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.small"
}

resource "aws_lb_target_group" "legacy" {
  name     = "${local.name}-legacy"
  port     = 443
  protocol = "HTTPS"
  vpc_id   = "vpc-0123456789abcdef0"
}

resource "aws_lb_target_group_attachment" "legacy" {
  target_group_arn = aws_lb_target_group.legacy.arn
  target_id        = aws_instance.legacy.id
}
