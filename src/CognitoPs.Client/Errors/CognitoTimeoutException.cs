namespace CognitoPs.Client
{
    /// <summary>No answer within the per-call timeout.</summary>
    public sealed class CognitoTimeoutException : CognitoException
    {
        public CognitoTimeoutException(string message) : base(message) { }
    }
}
