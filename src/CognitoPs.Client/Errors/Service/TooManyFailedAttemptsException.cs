using System.Net;

namespace CognitoPs.Client
{
    /// <summary>Cognito's TooManyFailedAttemptsException, named as the AWS SDK names it.</summary>
    public sealed class TooManyFailedAttemptsException : CognitoServiceException
    {
        public TooManyFailedAttemptsException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(TooManyFailedAttemptsException), message, statusCode, requestId) { }
    }
}
