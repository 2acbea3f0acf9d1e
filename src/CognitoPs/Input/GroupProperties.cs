using System.Text.RegularExpressions;

namespace CognitoPs
{
    /// <summary>Cognito's limits on a group's description and role, checked before sending.</summary>
    internal static class GroupProperties
    {
        public const int MaxDescriptionLength = 2048;
        private static readonly Regex RoleArnPattern = new Regex(@"^arn:[\w+=/,.@-]+:iam::\d{12}:role/[\w+=/,.@-]+\z", RegexOptions.CultureInvariant);

        public static void Check(string? description, string? roleArn)
        {
            if (description != null && description.Length > MaxDescriptionLength)
            {
                throw new InputValidationException("GroupDescriptionTooLong",
                    $"The description is {description.Length} characters long; Cognito allows at most {MaxDescriptionLength}.", null, terminating: false);
            }

            if (!string.IsNullOrWhiteSpace(roleArn) && !RoleArnPattern.IsMatch(roleArn!))
            {
                throw new InputValidationException("InvalidRoleArn",
                    $"'{roleArn}' is not an IAM role ARN such as arn:aws:iam::123456789012:role/ops.", null, terminating: false);
            }
        }
    }
}
