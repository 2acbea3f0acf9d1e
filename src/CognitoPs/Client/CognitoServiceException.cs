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

    /// <summary>The request never got an answer: DNS, refused or dropped connection, TLS failure.</summary>
    public sealed class CognitoConnectionException : Exception
    {
        public CognitoConnectionException(string message, Exception inner) : base(message, inner) { }
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
