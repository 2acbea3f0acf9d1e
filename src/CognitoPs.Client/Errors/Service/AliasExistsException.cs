using System.Net;

namespace CognitoPs.Client
{
    /// <summary>Cognito's AliasExistsException, named as the AWS SDK names it.</summary>
    public sealed class AliasExistsException : CognitoServiceException
    {
        public AliasExistsException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(AliasExistsException), message, statusCode, requestId) { }
    }
}
