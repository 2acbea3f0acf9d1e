using System.Net;

namespace CognitoPs.Client
{
    /// <summary>Cognito's UnsupportedUserStateException, named as the AWS SDK names it.</summary>
    public sealed class UnsupportedUserStateException : CognitoServiceException
    {
        public UnsupportedUserStateException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(UnsupportedUserStateException), message, statusCode, requestId) { }
    }
}
