using System.Security;
using System.Text.RegularExpressions;

namespace CognitoPs
{
    /// <summary>Cognito's own limits, checked locally so that what the service would refuse costs no request.</summary>
    internal static class InputValidation
    {
        public const int MaxUsernameLength = 128;
        public const int MaxPasswordLength = 256;
        public const int MaxUserPoolIdLength = 55;
        public const int MaxGroupNameLength = 128;
        public const int MaxDeviceKeyLength = 55;
        public const int MaxProviderNameLength = 32;
        public const int MaxProviderUserIdLength = 2048;
        public const int MaxJobIdLength = 55;
        private static readonly Regex UserPoolIdPattern = new Regex(@"^[A-Za-z0-9_-]+_[0-9a-zA-Z]+\z", RegexOptions.CultureInvariant);

        public static void CheckUsername(string? username, bool fromCommandLine) =>
            CheckName(username, "Username", "user name", MaxUsernameLength, fromCommandLine);

        /// <summary>A group name as Cognito's pattern has it: 1-128 letters, marks, symbols, numbers and punctuation.</summary>
        public static void CheckGroupName(string? groupName, bool fromCommandLine) =>
            CheckName(groupName, "GroupName", "group name", MaxGroupNameLength, fromCommandLine);

        /// <summary>A device key as Cognito issues it: &lt;region&gt;_&lt;id&gt;, at most 55 characters.</summary>
        public static void CheckDeviceKey(string? deviceKey, bool fromCommandLine) =>
            CheckName(deviceKey, "DeviceKey", "device key", MaxDeviceKeyLength, fromCommandLine);

        /// <summary>An identity provider's name in the pool (Google, a SAML provider's name): 1-32 characters.</summary>
        public static void CheckProviderName(string? providerName, bool fromCommandLine) =>
            CheckName(providerName, "ProviderName", "provider name", MaxProviderNameLength, fromCommandLine);

        /// <summary>A user's id at an identity provider (its subject).</summary>
        public static void CheckProviderUserId(string? userId, bool fromCommandLine) =>
            CheckName(userId, "ProviderUserId", "provider user id", MaxProviderUserIdLength, fromCommandLine);

        /// <summary>An import job's id as Cognito issues it (import-…), at most 55 characters.</summary>
        public static void CheckJobId(string? jobId, bool fromCommandLine) =>
            CheckName(jobId, "JobId", "import job id", MaxJobIdLength, fromCommandLine);

        /// <summary>Refuses what Cognito's name pattern refuses. ErrorIds: &lt;Kind&gt;Missing, &lt;Kind&gt;TooLong, &lt;Kind&gt;InvalidCharacter.</summary>
        private static void CheckName(string? name, string kind, string what, int maxLength, bool fromCommandLine)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new InputValidationException(kind + "Missing",
                    name is null ? $"No {what} was given (the input had no {kind})." : $"The {what} is empty or white space.",
                    null, fromCommandLine); // nothing to name: the record targets the item's user
            }

            if (name!.Length > maxLength)
            {
                throw new InputValidationException(kind + "TooLong",
                    $"The {what} is {name.Length} characters long; Cognito allows at most {maxLength}.", name, fromCommandLine);
            }

            // Cognito's name patterns admit letters, marks, symbols, numbers and punctuation: no white space, no controls.
            for (var i = 0; i < name.Length; i++)
            {
                if (char.IsControl(name[i]) || char.IsWhiteSpace(name[i]))
                {
                    var character = char.IsControl(name[i]) ? "a control character" : "white space";
                    throw new InputValidationException(kind + "InvalidCharacter",
                        $"The {what} contains {character} (U+{(int)name[i]:X4}) at position {i + 1}; Cognito {what}s cannot.", name, fromCommandLine);
                }
            }
        }

        /// <summary>
        /// A missing or malformed pool id stops the command when every item shares it (<paramref name="shared"/>: it came
        /// from the command line or the session, or no item offered one, which only the caller can fix); when a piped
        /// object brought its own blank or malformed UserPoolId, only that object fails.
        /// </summary>
        public static void CheckUserPoolId(string? userPoolId, bool shared)
        {
            if (string.IsNullOrWhiteSpace(userPoolId))
            {
                throw new InputValidationException("UserPoolIdMissing",
                    "No user pool id: specify -UserPoolId (for example eu-west-1_Ab12CdE3f), pipe objects that have a UserPoolId property, or run Connect-CognitoUserPool first.",
                    userPoolId, terminating: shared);
            }

            if (userPoolId!.Length > MaxUserPoolIdLength || !UserPoolIdPattern.IsMatch(userPoolId))
            {
                throw new InputValidationException("InvalidUserPoolId",
                    $"'{userPoolId}' is not a user pool id: expected <region>_<id> such as eu-west-1_Ab12CdE3f (at most {MaxUserPoolIdLength} characters).",
                    userPoolId, shared);
            }
        }

        /// <summary>Checks the password's length only: its content is for the pool's policy to judge.</summary>
        public static void CheckPassword(SecureString? password)
        {
            if (password is null || password.Length == 0)
            {
                throw new InputValidationException("PasswordEmpty", "The password is empty.", null, terminating: true);
            }

            if (password.Length > MaxPasswordLength)
            {
                throw new InputValidationException("PasswordTooLong",
                    $"The password is {password.Length} characters long; Cognito allows at most {MaxPasswordLength}.", null, terminating: true);
            }
        }
    }
}
