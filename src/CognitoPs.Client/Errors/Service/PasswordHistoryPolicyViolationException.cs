using System.Net;

namespace CognitoPs.Client
{
    /// <summary>Cognito's PasswordHistoryPolicyViolationException, named as the AWS SDK names it.</summary>
    public sealed class PasswordHistoryPolicyViolationException : CognitoServiceException
    {
        public PasswordHistoryPolicyViolationException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(PasswordHistoryPolicyViolationException), message, statusCode, requestId) { }
    }
}
