using System.Net;

namespace CognitoPs.Client
{
    /// <summary>Cognito's PasswordResetRequiredException, named as the AWS SDK names it.</summary>
    public sealed class PasswordResetRequiredException : CognitoServiceException
    {
        public PasswordResetRequiredException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(PasswordResetRequiredException), message, statusCode, requestId) { }
    }
}
