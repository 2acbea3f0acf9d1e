using System.Net;

namespace CognitoPs.Client
{
    /// <summary>Cognito's NotAuthorizedException, named as the AWS SDK names it.</summary>
    public sealed class NotAuthorizedException : CognitoServiceException
    {
        public NotAuthorizedException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(NotAuthorizedException), message, statusCode, requestId) { }
    }
}
