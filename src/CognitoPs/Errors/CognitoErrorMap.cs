using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text.RegularExpressions;
using CognitoPs.Client;

namespace CognitoPs
{
    /// <summary>
    /// The one place where failures become ErrorRecords: ErrorId, category, target and whether the
    /// whole command must stop. Every cmdlet sends every failure through <see cref="ToErrorRecord(Exception, FailureContext, out bool)"/>.
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

            /// <summary>The group: target the group name; a missing group stops the command only when every item asks about it.</summary>
            Group,
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

        private const string Throttled = "Cognito throttled the request even after retries; run the failed users again later or at a lower rate.";
        private const string LambdaTrigger = "A Lambda trigger of the user pool refused or failed; its message above says why. Fix the input or the trigger.";
        private const string MessageRole = "The user pool's role for sending SMS or email messages is misconfigured; fix it in the pool's messaging settings.";

        private static readonly Dictionary<string, Rule> ServiceErrors = new Dictionary<string, Rule>(StringComparer.Ordinal)
        {
            [nameof(UserNotFoundException)] = new Rule(ErrorCategory.ObjectNotFound, Scope.User,
                "Check the user name (and its case, if the pool is case-sensitive)."),
            [nameof(InvalidPasswordException)] = new Rule(ErrorCategory.InvalidArgument, Scope.User,
                "Choose a password that meets the user pool's password policy."),
            [nameof(PasswordHistoryPolicyViolationException)] = new Rule(ErrorCategory.InvalidArgument, Scope.User,
                "Choose a password this user has not used recently."),
            [nameof(InvalidParameterException)] = new Rule(ErrorCategory.InvalidArgument, Scope.User),
            [nameof(TooManyRequestsException)] = new Rule(ErrorCategory.LimitsExceeded, Scope.User, Throttled),
            ["ThrottlingException"] = new Rule(ErrorCategory.LimitsExceeded, Scope.User, Throttled),
            [nameof(InternalErrorException)] = new Rule(ErrorCategory.ResourceUnavailable, Scope.User,
                "Cognito failed even after retries; run the failed users again later."),
            ["MalformedReply"] = new Rule(ErrorCategory.InvalidResult, Scope.User,
                "The reply could not be read, so the outcome is unknown: check the user (Get-CognitoUser) before running it again."),
            [nameof(UsernameExistsException)] = new Rule(ErrorCategory.ResourceExists, Scope.User,
                "A user with this name already exists (Get-CognitoUser shows it); choose another name, or leave the existing user as it is."),
            [nameof(AliasExistsException)] = new Rule(ErrorCategory.ResourceExists, Scope.User,
                "Another user signs in with this email address or phone number; use another value, or -ForceAliasCreation to move it to this user."),
            [nameof(UnsupportedUserStateException)] = new Rule(ErrorCategory.InvalidOperation, Scope.User,
                "The user's status does not allow this (for example, an invitation can be re-sent only to a FORCE_CHANGE_PASSWORD user); check it with Get-CognitoUser."),
            [nameof(UserNotConfirmedException)] = new Rule(ErrorCategory.InvalidOperation, Scope.User,
                "Confirm the user first (Confirm-CognitoUser)."),
            [nameof(PasswordResetRequiredException)] = new Rule(ErrorCategory.InvalidOperation, Scope.User,
                "The user must finish the password reset first, or set a password with Set-CognitoUserPassword."),
            [nameof(LimitExceededException)] = new Rule(ErrorCategory.LimitsExceeded, Scope.User,
                "A Cognito limit was reached (not a request rate, so it was not retried); try again after the limit resets, or raise it."),
            [nameof(TooManyFailedAttemptsException)] = new Rule(ErrorCategory.LimitsExceeded, Scope.User,
                "Too many failed attempts for this user; wait before trying again."),
            [nameof(CodeDeliveryFailureException)] = new Rule(ErrorCategory.InvalidOperation, Scope.User,
                "Cognito could not send the message: check the user's email address or phone number and the pool's message settings."),
            [nameof(UserLambdaValidationException)] = new Rule(ErrorCategory.InvalidOperation, Scope.User, LambdaTrigger),
            [nameof(UnexpectedLambdaException)] = new Rule(ErrorCategory.InvalidOperation, Scope.User, LambdaTrigger),
            [nameof(InvalidLambdaResponseException)] = new Rule(ErrorCategory.InvalidOperation, Scope.User, LambdaTrigger),
            [nameof(PreconditionNotMetException)] = new Rule(ErrorCategory.InvalidOperation, Scope.User),
            [nameof(InvalidSmsRoleAccessPolicyException)] = new Rule(ErrorCategory.InvalidOperation, Scope.User, MessageRole),
            [nameof(InvalidSmsRoleTrustRelationshipException)] = new Rule(ErrorCategory.InvalidOperation, Scope.User, MessageRole),
            [nameof(InvalidEmailRoleAccessPolicyException)] = new Rule(ErrorCategory.InvalidOperation, Scope.User, MessageRole),
            [nameof(GroupExistsException)] = new Rule(ErrorCategory.ResourceExists, Scope.Group,
                "A group with this name already exists (Get-CognitoGroup shows it); choose another name, or change it with Set-CognitoGroup."),
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
            [nameof(UserPoolAddOnNotEnabledException)] = new Rule(ErrorCategory.NotEnabled, Scope.Pool,
                "Cognito keeps sign-in history only with threat protection: switch it on for the pool (the Plus feature plan, audit or full-function mode)."),
            [nameof(OperationNotEnabledException)] = new Rule(ErrorCategory.NotEnabled, Scope.Pool,
                "The pool's feature plan or settings do not allow this operation; check the pool's feature plan and its sign-in options."),
            [nameof(InvalidUserPoolConfigurationException)] = new Rule(ErrorCategory.InvalidOperation, Scope.Pool,
                "The pool is not set up for this (for example, device tracking or the MFA method is off); change the pool's settings first."),
            [nameof(UnknownOperationException)] = new Rule(ErrorCategory.NotImplemented, Scope.Pool,
                "This endpoint does not implement the operation (an older Cognito-compatible service or emulator)."),
        };

        /// <summary>NotAuthorized about one user's state ("User is disabled.", "Current status is CONFIRMED"): that user's problem.</summary>
        private static readonly Rule UserStateRule = new Rule(ErrorCategory.InvalidOperation, Scope.User,
            "The user's state does not allow this (the message says why); check it with Get-CognitoUser.");

        /// <summary>ResourceNotFound that turned out to be about a device, not the pool: that item's error.</summary>
        private static readonly Rule MissingDeviceRule = new Rule(ErrorCategory.ObjectNotFound, Scope.User,
            "Check the device key (Get-CognitoUserDevice lists the user's devices); a device forgotten already is gone.");

        /// <summary>ResourceNotFound that turned out to be about an import job id, not the pool: that item's error.</summary>
        private static readonly Rule MissingImportJobRule = new Rule(ErrorCategory.ObjectNotFound, Scope.User,
            "Check the job id (Get-CognitoUserImportJob lists the pool's import jobs).");

        /// <summary>ResourceNotFound that turned out to be about the group, not the pool.</summary>
        private static readonly Rule MissingGroupRule = new Rule(ErrorCategory.ObjectNotFound, Scope.Group,
            "Check the group name (Get-CognitoGroup lists the pool's groups; names are case-sensitive).");

        private static readonly Regex UserStateMessage = new Regex(
            @"\b(disabled|status|state|confirmed|attempts exceeded)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>
        /// The failures reported as error records: the client's own (<see cref="CognitoException"/>: the service's
        /// answers, the network, settings, input refused before sending). Anything else, even an ArgumentException, is
        /// a bug and must surface as one, not pass for bad input.
        /// </summary>
        public static bool IsReportable(Exception failure) => failure is CognitoException;

        /// <summary>
        /// Builds the record for <paramref name="failure"/>. <paramref name="terminating"/> says the command cannot go on:
        /// pool and settings failures stop it only when every item shares them (<see cref="FailureContext.SettingsShared"/>);
        /// when a piped object brought its own pool or region, only that object fails.
        /// </summary>
        public static ErrorRecord ToErrorRecord(Exception failure, FailureContext context, out bool terminating)
        {
            string errorId;
            ErrorCategory category;
            object? target;
            string? recommendedAction = null;
            var username = context.Username;
            switch (failure)
            {
                case CognitoServiceException service:
                    errorId = WithoutExceptionSuffix(service.ErrorCode);
                    var rule = RuleFor(service, context);
                    category = rule.Category;
                    target = rule.Scope switch
                    {
                        Scope.User => (object?)(service as ImportJobNotFoundException)?.JobId ?? username,
                        Scope.Group => (service as GroupNotFoundException)?.GroupName ?? context.GroupName ?? username,
                        _ => context.UserPoolId,
                    };
                    terminating = rule.Scope == Scope.Credentials || (rule.Scope == Scope.Pool && context.SettingsShared)
                        || (rule == MissingGroupRule && context.GroupShared && context.SettingsShared);
                    recommendedAction = rule.RecommendedAction;
                    break;
                case CognitoOutcomeUnknownException unknown:
                    (errorId, category, target, terminating) = ("OutcomeUnknown", CategoryOf(unknown.InnerException), username, false);
                    recommendedAction = $"Check the user (Get-CognitoUser '{username}') before running it again: the request was sent, but whether Cognito carried it out is unknown.";
                    break;
                case CognitoConnectionException _:
                    (errorId, category, target, terminating) = ("ConnectionFailed", ErrorCategory.ConnectionError, username, false);
                    recommendedAction = "Check network access to the endpoint, then run the failed users again.";
                    break;
                case CognitoTimeoutException _:
                    (errorId, category, target, terminating) = ("RequestTimedOut", ErrorCategory.OperationTimeout, username, false);
                    recommendedAction = "Run the failed users again (this operation is safe to repeat); -TimeoutSec allows more time per call.";
                    break;
                case CognitoConfigurationException configuration:
                    terminating = configuration.AffectsEveryRequest || context.SettingsShared;
                    (errorId, category, target) = (configuration.ErrorId, CategoryOf(configuration.Problem), terminating ? null : username);
                    recommendedAction = configuration.RecommendedAction;
                    break;
                case UserFileException file:
                    (errorId, category, target, terminating) = file.Exists
                        ? ("FileExists", ErrorCategory.ResourceExists, (object?)context.UserPoolId, true)
                        : ("FileProblem", ErrorCategory.WriteError, context.UserPoolId, true);
                    break;
                case IdentityNotLinkedException _:
                    (errorId, category, target, terminating) = ("IdentityNotLinked", ErrorCategory.ObjectNotFound, username, false);
                    recommendedAction = "Get-CognitoUserIdentity lists the identities linked to the user.";
                    break;
                case InputValidationException invalid:
                    (errorId, category, target, terminating) = (invalid.ErrorId, ErrorCategory.InvalidArgument, invalid.Target ?? username ?? context.GroupName, invalid.Terminating);
                    break;
                default:
                    (errorId, category, target, terminating) = ("UnexpectedError", ErrorCategory.NotSpecified, username, false);
                    break;
            }

            var record = new ErrorRecord(failure, errorId, category, target)
            {
                ErrorDetails = new ErrorDetails($"{context.Activity}: {failure.Message}"),
            };
            if (recommendedAction != null)
            {
                record.ErrorDetails.RecommendedAction = recommendedAction;
            }

            return record;
        }

        private static Rule RuleFor(CognitoServiceException service, FailureContext context)
        {
            if (service is GroupNotFoundException)
            {
                return MissingGroupRule;
            }

            if (service is DeviceNotFoundException)
            {
                return MissingDeviceRule;
            }

            if (service is ImportJobNotFoundException)
            {
                return MissingImportJobRule;
            }

            if (service is NotAuthorizedException && context.Username != null && UserStateMessage.IsMatch(service.Message))
            {
                return UserStateRule;
            }

            if (ServiceErrors.TryGetValue(service.ErrorCode, out var rule))
            {
                return rule;
            }

            // Unknown codes keep their name as ErrorId; only the status tells server fault from client fault.
            return (int)service.StatusCode >= 500
                ? ServiceErrors[nameof(InternalErrorException)]
                : new Rule(ErrorCategory.InvalidOperation, Scope.User);
        }

        private static ErrorCategory CategoryOf(ConfigurationProblem problem) => problem switch
        {
            ConfigurationProblem.UnsafeSetting => ErrorCategory.SecurityError,
            ConfigurationProblem.NotFound => ErrorCategory.ObjectNotFound,
            ConfigurationProblem.Authentication => ErrorCategory.AuthenticationError,
            ConfigurationProblem.PermissionDenied => ErrorCategory.PermissionDenied,
            ConfigurationProblem.Unreachable => ErrorCategory.ConnectionError,
            _ => ErrorCategory.InvalidArgument,
        };

        private static ErrorCategory CategoryOf(Exception? cause) => cause switch
        {
            CognitoTimeoutException _ => ErrorCategory.OperationTimeout,
            CognitoConnectionException _ => ErrorCategory.ConnectionError,
            _ => ErrorCategory.ResourceUnavailable,
        };

        private static string WithoutExceptionSuffix(string code) =>
            code.EndsWith("Exception", StringComparison.Ordinal) && code.Length > "Exception".Length
                ? code[..^"Exception".Length]
                : code;
    }
}
