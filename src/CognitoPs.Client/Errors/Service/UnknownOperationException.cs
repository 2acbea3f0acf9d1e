using System.Net;

namespace CognitoPs.Client
{
    /// <summary>Cognito's UnknownOperationException, named as the AWS SDK names it.</summary>
    public sealed class UnknownOperationException : CognitoServiceException
    {
        public UnknownOperationException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(UnknownOperationException), message, statusCode, requestId) { }
    }
}
