using System.Net;

namespace CognitoPs.Client
{
    /// <summary>Cognito's TooManyRequestsException, named as the AWS SDK names it.</summary>
    public sealed class TooManyRequestsException : CognitoServiceException
    {
        public TooManyRequestsException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(TooManyRequestsException), message, statusCode, requestId) { }
    }
}
