# Identities of the shop (PASSING): the web tier's role with the actions it uses, the operations
# team in a group that forces MFA, the checklist's password policy. CI deploys through a role it
# assumes (OIDC): no CI user, no access key.

data "aws_iam_policy_document" "web" {
  statement {
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = ["arn:aws:s3:::${local.name}-uploads/*"]
  }
}

resource "aws_iam_role" "web" {
  name = "${local.name}-web"
  assume_role_policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "web" {
  role   = aws_iam_role.web.name
  policy = data.aws_iam_policy_document.web.json
}

resource "aws_iam_group" "operations" {
  name = "${local.name}-operations"
}

resource "aws_iam_group_policy_attachment" "operations_read_only" {
  group      = aws_iam_group.operations.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

data "aws_iam_policy_document" "force_mfa" {
  statement {
    sid         = "DenyAllExceptMfaSetupWithoutMfa"
    effect      = "Deny"
    not_actions = ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ListMFADevices", "iam:ChangePassword", "sts:GetSessionToken"]
    resources   = ["*"]
    condition {
      test     = "BoolIfExists"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["false"]
    }
  }
}

resource "aws_iam_group_policy" "force_mfa" {
  group  = aws_iam_group.operations.name
  policy = data.aws_iam_policy_document.force_mfa.json
}

resource "aws_iam_user" "on_call" {
  name = "${local.name}-on-call"
}

resource "aws_iam_user_group_membership" "on_call" {
  user   = aws_iam_user.on_call.name
  groups = [aws_iam_group.operations.name]
}

resource "aws_iam_user_login_profile" "on_call" {
  user                    = aws_iam_user.on_call.name
  password_reset_required = true
}

resource "aws_iam_account_password_policy" "this" {
  minimum_password_length      = 14
  require_uppercase_characters = true
  require_lowercase_characters = true
  require_numbers              = true
  require_symbols              = true
  password_reuse_prevention    = 24
  max_password_age             = 90
}
