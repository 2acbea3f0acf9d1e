using System.Net;

namespace CognitoPs.Client
{
    /// <summary>Cognito's LimitExceededException, named as the AWS SDK names it.</summary>
    public sealed class LimitExceededException : CognitoServiceException
    {
        public LimitExceededException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(LimitExceededException), message, statusCode, requestId) { }
    }
}
