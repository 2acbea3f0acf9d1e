using System;

namespace CognitoPs.Client
{
    /// <summary>
    /// A request that must not be repeated (it creates a user, or sends the user a message) was sent, but no answer came
    /// back: it timed out, the connection dropped, or the service failed. Cognito may or may not have carried it out.
    /// </summary>
    public sealed class CognitoOutcomeUnknownException : CognitoException
    {
        public CognitoOutcomeUnknownException(string message, Exception inner) : base(message, inner) { }
    }
}
