# Legacy worker fleet (FAILING sample): an Auto Scaling launch configuration whose
# root volume is explicitly unencrypted. Every problem here is deliberate.
resource "aws_launch_configuration" "worker" {
  name_prefix   = "worker-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.small"

  root_block_device {
    volume_size = 30
    volume_type = "gp3"
    encrypted   = false
  }
}
