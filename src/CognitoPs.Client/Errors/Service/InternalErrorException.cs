using System.Net;

namespace CognitoPs.Client
{
    /// <summary>Cognito's InternalErrorException, named as the AWS SDK names it.</summary>
    public sealed class InternalErrorException : CognitoServiceException
    {
        public InternalErrorException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(InternalErrorException), message, statusCode, requestId) { }
    }
}
