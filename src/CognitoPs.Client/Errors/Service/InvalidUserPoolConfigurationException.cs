using System.Net;

namespace CognitoPs.Client
{
    /// <summary>Cognito's InvalidUserPoolConfigurationException, named as the AWS SDK names it.</summary>
    public sealed class InvalidUserPoolConfigurationException : CognitoServiceException
    {
        public InvalidUserPoolConfigurationException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(InvalidUserPoolConfigurationException), message, statusCode, requestId) { }
    }
}
