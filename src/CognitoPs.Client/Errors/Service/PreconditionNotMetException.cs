using System.Net;

namespace CognitoPs.Client
{
    /// <summary>Cognito's PreconditionNotMetException, named as the AWS SDK names it.</summary>
    public sealed class PreconditionNotMetException : CognitoServiceException
    {
        public PreconditionNotMetException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(PreconditionNotMetException), message, statusCode, requestId) { }
    }
}
