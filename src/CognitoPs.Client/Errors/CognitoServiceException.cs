using System;
using System.Net;
using System.Text.RegularExpressions;

namespace CognitoPs.Client
{
    /// <summary>
    /// An error answered by the Cognito service. Codes without a typed subclass keep their name in <see cref="ErrorCode"/>.
    /// </summary>
    public class CognitoServiceException : CognitoException
    {
        public CognitoServiceException(string errorCode, string message, HttpStatusCode statusCode, string? requestId)
            : base(message)
        {
            ErrorCode = errorCode;
            StatusCode = statusCode;
            RequestId = requestId;
        }

        /// <summary>The service's error code without any namespace prefix, e.g. <c>UserNotFoundException</c>.</summary>
        public string ErrorCode { get; }

        public HttpStatusCode StatusCode { get; }

        /// <summary>The <c>x-amzn-RequestId</c> of the failed call, when the service sent one.</summary>
        public string? RequestId { get; }

        /// <summary>
        /// True when the endpoint says it does not implement the operation: Cognito's UnknownOperationException, an
        /// emulator's "Unsupported" or "NotImplemented" code, HTTP 501, or a message saying "not (yet) implemented"
        /// (LocalStack's InternalFailure). A plain server fault (500 without such words) is no such proof.
        /// </summary>
        public bool MeansUnknownOperation =>
            ErrorCode == "UnknownOperationException" || StatusCode == HttpStatusCode.NotImplemented
            || ErrorCode.Contains("Unsupported", StringComparison.OrdinalIgnoreCase) || ErrorCode.Contains("NotImplemented", StringComparison.OrdinalIgnoreCase)
            || NotImplementedMessage.IsMatch(Message);

        private static readonly Regex NotImplementedMessage = new Regex(@"\bnot (yet )?implemented\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
