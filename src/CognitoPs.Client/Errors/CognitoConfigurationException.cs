using System;

namespace CognitoPs.Client
{
    /// <summary>
    /// A setting the module cannot work with (no region, no credentials, a bad endpoint, an unknown profile). Carries
    /// its ErrorId and the kind of problem; the error map decides what category of record that becomes.
    /// </summary>
    public sealed class CognitoConfigurationException : CognitoException
    {
        public CognitoConfigurationException(
            string errorId, ConfigurationProblem problem, string message, bool affectsEveryRequest = false, Exception? inner = null)
            : base(message, inner)
        {
            ErrorId = errorId;
            Problem = problem;
            AffectsEveryRequest = affectsEveryRequest;
        }

        public string ErrorId { get; }

        public ConfigurationProblem Problem { get; }

        /// <summary>True for the identity (credentials, profile): no request of the command can succeed, wherever its settings came from.</summary>
        public bool AffectsEveryRequest { get; }

        /// <summary>What to do about it, when there is a useful next step.</summary>
        public string? RecommendedAction { get; init; }
    }
}
