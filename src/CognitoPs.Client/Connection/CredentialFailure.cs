using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using Amazon.Runtime;

namespace CognitoPs.Client
{
    /// <summary>
    /// Turns a failure to get credentials (the SDK's exceptions, STS's and the IAM Identity Center portal's answers) into
    /// one clear <see cref="CognitoConfigurationException"/>: its own ErrorId, what it is about, the source (a profile's
    /// name, never a secret) and what to do. A credential failure affects every request, so it stops the command.
    /// </summary>
    internal static class CredentialFailure
    {
        public static CognitoConfigurationException Describe(Exception failure, string source)
        {
            if (Find<MfaCodeUnavailableException>(failure) is { } mfa)
            {
                return Failure("MfaCodeRequired", ConfigurationProblem.Authentication,
                    $"{Capitalized(source)} assumes a role that needs a code from MFA device {mfa.MfaSerial}, and this session is not interactive, so nobody can be asked for it.",
                    "Run the command in an interactive session (it asks for the code once per session), or pass temporary credentials of the role: "
                    + "-Credential (Use-STSRole -RoleArn <role> -RoleSessionName <name> -SerialNumber <device> -TokenCode <code>).Credentials, "
                    + "or the Credentials of 'aws sts assume-role … | ConvertFrom-Json'.", failure);
            }

            if (Find<AmazonServiceException>(failure) is { } answer && !string.IsNullOrEmpty(answer.ErrorCode))
            {
                return FromAnswer(answer, source, failure);
            }

            if (Find<HttpRequestException>(failure) is { } unreachable || Find<SocketException>(failure) is not null)
            {
                return Failure("CredentialServiceUnreachable", ConfigurationProblem.Unreachable,
                    $"The service that issues the credentials of {source} (STS or IAM Identity Center) could not be reached: {Innermost(failure).Message}",
                    "Check network access to AWS (or to the endpoint AWS_ENDPOINT_URL_STS / AWS_ENDPOINT_URL_SSO name), then run the command again.", failure);
            }

            var text = AllMessages(failure);
            if (text.Contains("SSO Token", StringComparison.OrdinalIgnoreCase) || text.Contains("SsoVerificationCallback", StringComparison.Ordinal))
            {
                return SignInRequired(source, failure);
            }

            if (Find<ProcessAWSCredentialException>(failure) is not null)
            {
                // The process's output may hold a secret: its text is not repeated, and the SDK's exception is not kept.
                return Failure("CredentialProcessFailed", ConfigurationProblem.Authentication,
                    $"The credential_process of {source} failed or printed no usable credentials.",
                    "Run the profile's credential_process command yourself to see why; it must print Version 1 JSON with AccessKeyId and SecretAccessKey.", null);
            }

            if (failure is InvalidDataException || failure is ArgumentException || Find<InvalidDataException>(failure) is not null
                || text.Contains("Error reading", StringComparison.Ordinal) || text.Contains("Invalid ProfileType", StringComparison.Ordinal)
                || text.Contains("not found", StringComparison.OrdinalIgnoreCase) && text.Contains("profile", StringComparison.OrdinalIgnoreCase))
            {
                return Failure("InvalidProfile", ConfigurationProblem.InvalidSetting,
                    $"The credentials of {source} cannot be made from its settings: {Innermost(failure).Message}",
                    "Check the profile in the shared config and credentials files (aws configure list --profile <name> shows what it resolves to).", failure);
            }

            return Failure("CredentialsUnavailable", ConfigurationProblem.Authentication,
                $"No credentials could be had from {source}: {Innermost(failure).Message}", null, failure);
        }

        /// <summary>What STS or the IAM Identity Center portal answered.</summary>
        private static CognitoConfigurationException FromAnswer(AmazonServiceException answer, string source, Exception failure)
        {
            var message = answer.Message;
            switch (answer.ErrorCode)
            {
                case "AccessDenied" when message.Contains("MultiFactorAuthentication", StringComparison.Ordinal):
                    return Failure("MfaCodeRejected", ConfigurationProblem.Authentication,
                        $"STS refused the MFA code given for {source}: {message.Trim()}",
                        "Run the command again and give the device's current code (codes change every 30 seconds).", failure);
                case "AccessDenied":
                    return Failure("AssumeRoleAccessDenied", ConfigurationProblem.PermissionDenied,
                        $"STS refused to let {source} assume its role: {message.Trim()}",
                        "Check that the role's trust policy names the source identity (and requires MFA only where the profile has mfa_serial), and that the source may call sts:AssumeRole.", failure);
                case "ExpiredToken":
                case "ExpiredTokenException":
                    return Failure("SourceCredentialsExpired", ConfigurationProblem.Authentication,
                        $"The credentials {source} starts from have expired: {message.Trim()}",
                        "Renew the source credentials (new keys, or aws sso login for an IAM Identity Center source) and run the command again.", failure);
                case "InvalidIdentityToken":
                case "IDPRejectedClaim":
                case "IDPCommunicationError":
                    return Failure("WebIdentityTokenRejected", ConfigurationProblem.Authentication,
                        $"STS refused the web identity token of {source}: {message.Trim()}",
                        "Check the file AWS_WEB_IDENTITY_TOKEN_FILE names (it must hold a current token of the role's identity provider) and the role's trust policy.", failure);
                case "UnauthorizedException":
                    return SignInRequired(source, failure);
                case "ForbiddenException":
                    return Failure("SsoAccessDenied", ConfigurationProblem.PermissionDenied,
                        $"IAM Identity Center does not let the signed-in user use the role of {source}: {message.Trim()}",
                        "Check the profile's sso_account_id and sso_role_name, and the user's permission sets in IAM Identity Center.", failure);
                default:
                    return Failure("CredentialsRefused", ConfigurationProblem.Authentication,
                        $"The service that issues the credentials of {source} answered {answer.ErrorCode}: {message.Trim()}", null, failure);
            }
        }

        private static CognitoConfigurationException SignInRequired(string source, Exception failure)
        {
            var profile = ProfileName(source);
            return Failure("SsoLoginRequired", ConfigurationProblem.Authentication,
                $"The IAM Identity Center sign-in that {source} needs is missing or has expired.",
                profile is null
                    ? "Sign in with 'aws sso login', or run Connect-CognitoUserPool with -ProfileName in an interactive session."
                    : $"Sign in with 'aws sso login --profile {profile}', or run 'Connect-CognitoUserPool <pool id> -ProfileName {profile}' in an interactive session.",
                failure);
        }

        private static CognitoConfigurationException Failure(string errorId, ConfigurationProblem problem, string message, string? action, Exception? inner) =>
            new CognitoConfigurationException(errorId, problem, message, affectsEveryRequest: true, inner) { RecommendedAction = action };

        /// <summary>"profile 'admin'" → admin.</summary>
        private static string? ProfileName(string source) =>
            source.StartsWith("profile '", StringComparison.Ordinal) && source.EndsWith('\'') ? source["profile '".Length..^1] : null;

        private static T? Find<T>(Exception? failure) where T : Exception
        {
            for (var current = failure; current != null; current = current.InnerException)
            {
                if (current is T found)
                {
                    return found;
                }
            }

            return null;
        }

        private static Exception Innermost(Exception failure)
        {
            var current = failure;
            while (current.InnerException != null)
            {
                current = current.InnerException;
            }

            return current;
        }

        private static string AllMessages(Exception failure)
        {
            var text = "";
            for (var current = failure; current != null; current = current.InnerException)
            {
                text += current.Message + "\n";
            }

            return text;
        }

        private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
    }
}
