using System;
using System.Collections.Generic;
using System.Management.Automation;
using CognitoPs.Client;

namespace CognitoPs
{
    /// <summary>
    /// The one place where failures become ErrorRecords: ErrorId, category, target and whether the
    /// whole command must stop. Every cmdlet sends every failure through <see cref="ToErrorRecord"/>.
    /// </summary>
    internal static class CognitoErrorMap
    {
        /// <summary>How far a failure reaches, which decides the target and whether the command can go on.</summary>
        private enum Scope
        {
            /// <summary>This user only: target the user name, write the error, go on.</summary>
            User,

            /// <summary>The whole pool: target the pool id; stop when the pool came from the command line (every item uses it).</summary>
            Pool,

            /// <summary>The credentials: nothing this command sends can succeed, stop.</summary>
            Credentials,
        }

        private sealed class Rule
        {
            public Rule(ErrorCategory category, Scope scope, string? recommendedAction = null)
            {
                Category = category;
                Scope = scope;
                RecommendedAction = recommendedAction;
            }

            public ErrorCategory Category { get; }

            public Scope Scope { get; }

            public string? RecommendedAction { get; }
        }

        private static readonly Dictionary<string, Rule> ServiceErrors = new Dictionary<string, Rule>(StringComparer.Ordinal)
        {
            [nameof(UserNotFoundException)] = new Rule(ErrorCategory.ObjectNotFound, Scope.User,
                "Check the user name (and its case, if the pool is case-sensitive)."),
            [nameof(InvalidPasswordException)] = new Rule(ErrorCategory.InvalidArgument, Scope.User,
                "Choose a password that meets the user pool's password policy."),
            [nameof(PasswordHistoryPolicyViolationException)] = new Rule(ErrorCategory.InvalidArgument, Scope.User,
                "Choose a password this user has not used recently."),
            [nameof(InvalidParameterException)] = new Rule(ErrorCategory.InvalidArgument, Scope.User),
            [nameof(TooManyRequestsException)] = new Rule(ErrorCategory.LimitsExceeded, Scope.User,
                "Cognito throttled the request even after retries; run the failed users again later or at a lower rate."),
            ["ThrottlingException"] = new Rule(ErrorCategory.LimitsExceeded, Scope.User,
                "Cognito throttled the request even after retries; run the failed users again later or at a lower rate."),
            [nameof(InternalErrorException)] = new Rule(ErrorCategory.ResourceUnavailable, Scope.User,
                "Cognito failed even after retries; run the failed users again later."),
            ["MalformedReply"] = new Rule(ErrorCategory.InvalidResult, Scope.User,
                "The reply could not be read, so the outcome is unknown: check the user (Get-CognitoUser) before running it again."),
            [nameof(ResourceNotFoundException)] = new Rule(ErrorCategory.ObjectNotFound, Scope.Pool,
                "Check the user pool id and the region (Get-CognitoUserPool lists the pools of a region)."),
            [nameof(NotAuthorizedException)] = new Rule(ErrorCategory.PermissionDenied, Scope.Pool,
                "Use credentials that are allowed to administer this user pool."),
            ["AccessDeniedException"] = new Rule(ErrorCategory.PermissionDenied, Scope.Pool,
                "The IAM identity lacks permission for this action on the user pool; check its policies."),
            ["UnrecognizedClientException"] = new Rule(ErrorCategory.AuthenticationError, Scope.Credentials,
                "Check the access key id (the credentials are unknown to AWS)."),
            ["InvalidSignatureException"] = new Rule(ErrorCategory.AuthenticationError, Scope.Credentials,
                "Check the secret access key and the machine's clock."),
            ["ExpiredTokenException"] = new Rule(ErrorCategory.AuthenticationError, Scope.Credentials,
                "The session token has expired; sign in again (e.g. aws sso login) and retry."),
            ["MissingAuthenticationTokenException"] = new Rule(ErrorCategory.AuthenticationError, Scope.Credentials),
        };

        /// <summary>
        /// Builds the record for <paramref name="failure"/> during <paramref name="activity"/> (e.g. "Cannot set the
        /// password of user 'bob' in user pool 'x'"). <paramref name="terminating"/> says the command cannot go on.
        /// <paramref name="settingsShared"/>: this item's pool id, region and endpoint came from the command line or the
        /// session, so every item shares them. Pool and settings failures stop the command only then; when a piped
        /// object brought its own pool or region, only that object fails.
        /// </summary>
        public static ErrorRecord ToErrorRecord(Exception failure, string activity, string? username, string? userPoolId, bool settingsShared, out bool terminating)
        {
            string errorId;
            ErrorCategory category;
            object? target;
            string? recommendedAction = null;
            switch (failure)
            {
                case CognitoServiceException service:
                    errorId = WithoutExceptionSuffix(service.ErrorCode);
                    var rule = RuleFor(service);
                    category = rule.Category;
                    target = rule.Scope == Scope.User ? username : userPoolId;
                    terminating = rule.Scope == Scope.Credentials || (rule.Scope == Scope.Pool && settingsShared);
                    recommendedAction = rule.RecommendedAction;
                    break;
                case CognitoConnectionException _:
                    (errorId, category, target, terminating) = ("ConnectionFailed", ErrorCategory.ConnectionError, username, false);
                    recommendedAction = "Check network access to the endpoint, then run the failed users again.";
                    break;
                case CognitoTimeoutException _:
                    (errorId, category, target, terminating) = ("RequestTimedOut", ErrorCategory.OperationTimeout, username, false);
                    recommendedAction = "Run the failed users again; the password may or may not have been set.";
                    break;
                case CognitoConfigurationException configuration:
                    terminating = configuration.AffectsEveryRequest || settingsShared;
                    (errorId, category, target) = (configuration.ErrorId, configuration.Category, terminating ? null : username);
                    break;
                case InputValidationException invalid:
                    (errorId, category, target, terminating) = (invalid.ErrorId, ErrorCategory.InvalidArgument, invalid.Target, invalid.Terminating);
                    break;
                case ArgumentException _:
                    (errorId, category, target, terminating) = ("InvalidArgument", ErrorCategory.InvalidArgument, username, false);
                    break;
                default:
                    (errorId, category, target, terminating) = ("UnexpectedError", ErrorCategory.NotSpecified, username, false);
                    break;
            }

            var record = new ErrorRecord(failure, errorId, category, target)
            {
                ErrorDetails = new ErrorDetails($"{activity}: {failure.Message}"),
            };
            if (recommendedAction != null)
            {
                record.ErrorDetails.RecommendedAction = recommendedAction;
            }

            return record;
        }

        private static Rule RuleFor(CognitoServiceException service)
        {
            if (ServiceErrors.TryGetValue(service.ErrorCode, out var rule))
            {
                return rule;
            }

            // Unknown codes keep their name as ErrorId; only the status tells server fault from client fault.
            return (int)service.StatusCode >= 500
                ? ServiceErrors[nameof(InternalErrorException)]
                : new Rule(ErrorCategory.InvalidOperation, Scope.User);
        }

        private static string WithoutExceptionSuffix(string code) =>
            code.EndsWith("Exception", StringComparison.Ordinal) && code.Length > "Exception".Length
                ? code.Substring(0, code.Length - "Exception".Length)
                : code;
    }
}
