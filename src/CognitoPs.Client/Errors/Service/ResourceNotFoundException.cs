using System.Net;

namespace CognitoPs.Client
{
    /// <summary>Cognito's ResourceNotFoundException, named as the AWS SDK names it.</summary>
    public sealed class ResourceNotFoundException : CognitoServiceException
    {
        public ResourceNotFoundException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(ResourceNotFoundException), message, statusCode, requestId) { }
    }
}
