using System;
using System.Net;

namespace CognitoPs.Client
{
    /// <summary>
    /// An error answered by the Cognito service. Codes without a typed subclass keep their name in <see cref="ErrorCode"/>.
    /// </summary>
    public class CognitoServiceException : Exception
    {
        public CognitoServiceException(string errorCode, string message, HttpStatusCode statusCode, string? requestId)
            : base(message)
        {
            ErrorCode = errorCode;
            StatusCode = statusCode;
            RequestId = requestId;
        }

        /// <summary>The service's error code without any namespace prefix, e.g. <c>UserNotFoundException</c>.</summary>
        public string ErrorCode { get; }

        public HttpStatusCode StatusCode { get; }

        /// <summary>The <c>x-amzn-RequestId</c> of the failed call, when the service sent one.</summary>
        public string? RequestId { get; }
    }

    // Named as the AWS SDK names them, so the code reads familiar to anyone who used AWS.Tools.
    public sealed class UserNotFoundException : CognitoServiceException
    {
        public UserNotFoundException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(UserNotFoundException), message, statusCode, requestId) { }
    }

    public sealed class InvalidPasswordException : CognitoServiceException
    {
        public InvalidPasswordException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(InvalidPasswordException), message, statusCode, requestId) { }
    }

    public sealed class PasswordHistoryPolicyViolationException : CognitoServiceException
    {
        public PasswordHistoryPolicyViolationException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(PasswordHistoryPolicyViolationException), message, statusCode, requestId) { }
    }

    public sealed class InvalidParameterException : CognitoServiceException
    {
        public InvalidParameterException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(InvalidParameterException), message, statusCode, requestId) { }
    }

    public sealed class TooManyRequestsException : CognitoServiceException
    {
        public TooManyRequestsException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(TooManyRequestsException), message, statusCode, requestId) { }
    }

    public sealed class InternalErrorException : CognitoServiceException
    {
        public InternalErrorException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(InternalErrorException), message, statusCode, requestId) { }
    }

    public sealed class ResourceNotFoundException : CognitoServiceException
    {
        public ResourceNotFoundException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(ResourceNotFoundException), message, statusCode, requestId) { }
    }

    public sealed class NotAuthorizedException : CognitoServiceException
    {
        public NotAuthorizedException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(NotAuthorizedException), message, statusCode, requestId) { }
    }

    public sealed class UsernameExistsException : CognitoServiceException
    {
        public UsernameExistsException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(UsernameExistsException), message, statusCode, requestId) { }
    }

    public sealed class AliasExistsException : CognitoServiceException
    {
        public AliasExistsException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(AliasExistsException), message, statusCode, requestId) { }
    }

    public sealed class UnsupportedUserStateException : CognitoServiceException
    {
        public UnsupportedUserStateException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(UnsupportedUserStateException), message, statusCode, requestId) { }
    }

    public sealed class UserNotConfirmedException : CognitoServiceException
    {
        public UserNotConfirmedException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(UserNotConfirmedException), message, statusCode, requestId) { }
    }

    public sealed class PasswordResetRequiredException : CognitoServiceException
    {
        public PasswordResetRequiredException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(PasswordResetRequiredException), message, statusCode, requestId) { }
    }

    public sealed class LimitExceededException : CognitoServiceException
    {
        public LimitExceededException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(LimitExceededException), message, statusCode, requestId) { }
    }

    public sealed class TooManyFailedAttemptsException : CognitoServiceException
    {
        public TooManyFailedAttemptsException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(TooManyFailedAttemptsException), message, statusCode, requestId) { }
    }

    public sealed class CodeDeliveryFailureException : CognitoServiceException
    {
        public CodeDeliveryFailureException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(CodeDeliveryFailureException), message, statusCode, requestId) { }
    }

    public sealed class UserLambdaValidationException : CognitoServiceException
    {
        public UserLambdaValidationException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(UserLambdaValidationException), message, statusCode, requestId) { }
    }

    public sealed class UnexpectedLambdaException : CognitoServiceException
    {
        public UnexpectedLambdaException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(UnexpectedLambdaException), message, statusCode, requestId) { }
    }

    public sealed class InvalidLambdaResponseException : CognitoServiceException
    {
        public InvalidLambdaResponseException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(InvalidLambdaResponseException), message, statusCode, requestId) { }
    }

    public sealed class PreconditionNotMetException : CognitoServiceException
    {
        public PreconditionNotMetException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(PreconditionNotMetException), message, statusCode, requestId) { }
    }

    public sealed class InvalidSmsRoleAccessPolicyException : CognitoServiceException
    {
        public InvalidSmsRoleAccessPolicyException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(InvalidSmsRoleAccessPolicyException), message, statusCode, requestId) { }
    }

    public sealed class InvalidSmsRoleTrustRelationshipException : CognitoServiceException
    {
        public InvalidSmsRoleTrustRelationshipException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(InvalidSmsRoleTrustRelationshipException), message, statusCode, requestId) { }
    }

    public sealed class InvalidEmailRoleAccessPolicyException : CognitoServiceException
    {
        public InvalidEmailRoleAccessPolicyException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(InvalidEmailRoleAccessPolicyException), message, statusCode, requestId) { }
    }

    public sealed class GroupExistsException : CognitoServiceException
    {
        public GroupExistsException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(GroupExistsException), message, statusCode, requestId) { }
    }

    /// <summary>
    /// Cognito's ResourceNotFoundException for a request about a group in a pool that exists: the group is missing.
    /// (Cognito uses the one code for a missing pool and a missing group; the client asks which it was.)
    /// </summary>
    public sealed class GroupNotFoundException : CognitoServiceException
    {
        public GroupNotFoundException(string groupName, string userPoolId, CognitoServiceException answer)
            : base(answer.ErrorCode, $"Group '{groupName}' does not exist in user pool '{userPoolId}' ({answer.Message}).", answer.StatusCode, answer.RequestId)
            => GroupName = groupName;

        public string GroupName { get; }
    }

    /// <summary>The request never got an answer: DNS, refused or dropped connection, TLS failure.</summary>
    public sealed class CognitoConnectionException : Exception
    {
        public CognitoConnectionException(string message, Exception inner, bool requestSent = true)
            : base(message, inner) => RequestSent = requestSent;

        /// <summary>False when no connection was ever made (refused, unknown host, TLS handshake): the service saw nothing.</summary>
        public bool RequestSent { get; }
    }

    /// <summary>
    /// A request that must not be repeated (it creates a user, or sends the user a message) was sent, but no answer came
    /// back: it timed out, the connection dropped, or the service failed. Cognito may or may not have carried it out.
    /// </summary>
    public sealed class CognitoOutcomeUnknownException : Exception
    {
        public CognitoOutcomeUnknownException(string message, Exception inner) : base(message, inner) { }
    }

    /// <summary>The client's own rate limiter refused a request, so nothing was sent.</summary>
    public sealed class RequestNotSentException : Exception
    {
        public RequestNotSentException(string message) : base(message) { }
    }

    /// <summary>No answer within the per-call timeout.</summary>
    public sealed class CognitoTimeoutException : TimeoutException
    {
        public CognitoTimeoutException(string message) : base(message) { }
    }

    /// <summary>
    /// A setting the module cannot work with (no region, no credentials, bad endpoint, unknown profile).
    /// Carries the ErrorId and category it becomes, so the error map stays the one place that builds records.
    /// </summary>
    public sealed class CognitoConfigurationException : Exception
    {
        public CognitoConfigurationException(
            string errorId, System.Management.Automation.ErrorCategory category, string message, bool affectsEveryRequest = false, Exception? inner = null)
            : base(message, inner)
        {
            ErrorId = errorId;
            Category = category;
            AffectsEveryRequest = affectsEveryRequest;
        }

        public string ErrorId { get; }

        public System.Management.Automation.ErrorCategory Category { get; }

        /// <summary>True for the identity (credentials, profile): no request of the command can succeed, wherever its settings came from.</summary>
        public bool AffectsEveryRequest { get; }
    }
}
