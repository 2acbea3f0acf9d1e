using System.Net;

namespace CognitoPs.Client
{
    /// <summary>Cognito's OperationNotEnabledException, named as the AWS SDK names it.</summary>
    public sealed class OperationNotEnabledException : CognitoServiceException
    {
        public OperationNotEnabledException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(OperationNotEnabledException), message, statusCode, requestId) { }
    }
}
