using CognitoPs.Client;

namespace CognitoPs
{
    /// <summary>Input refused before any request is sent. The message names the problem, never a password.</summary>
    public sealed class InputValidationException : CognitoException
    {
        public InputValidationException(string errorId, string message, object? target, bool terminating)
            : base(message)
        {
            ErrorId = errorId;
            Target = target;
            Terminating = terminating;
        }

        public string ErrorId { get; }

        public object? Target { get; }

        /// <summary>True when the bad value came from the command line, so no pipeline item could succeed.</summary>
        public bool Terminating { get; }
    }
}
