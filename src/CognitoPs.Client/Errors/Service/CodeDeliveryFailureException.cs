using System.Net;

namespace CognitoPs.Client
{
    /// <summary>Cognito's CodeDeliveryFailureException, named as the AWS SDK names it.</summary>
    public sealed class CodeDeliveryFailureException : CognitoServiceException
    {
        public CodeDeliveryFailureException(string message, HttpStatusCode statusCode, string? requestId)
            : base(nameof(CodeDeliveryFailureException), message, statusCode, requestId) { }
    }
}
