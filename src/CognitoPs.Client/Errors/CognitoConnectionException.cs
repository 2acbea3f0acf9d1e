using System;

namespace CognitoPs.Client
{
    /// <summary>The request never got an answer: DNS, refused or dropped connection, TLS failure.</summary>
    public sealed class CognitoConnectionException : CognitoException
    {
        public CognitoConnectionException(string message, Exception inner, bool requestSent = true)
            : base(message, inner) => RequestSent = requestSent;

        /// <summary>False when no connection was ever made (refused, unknown host, TLS handshake): the service saw nothing.</summary>
        public bool RequestSent { get; }
    }
}
