using System.Net;

namespace CognitoPs.Client
{
    /// <summary>Cognito's UnexpectedLambdaException, named as the AWS SDK names it.</summary>
    public sealed class UnexpectedLambdaException : CognitoServiceException
    {
        public UnexpectedLambdaException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(UnexpectedLambdaException), message, statusCode, requestId) { }
    }
}
