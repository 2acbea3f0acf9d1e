using CognitoPs.Client;

namespace CognitoPs
{
    /// <summary>A federated identity from -ProviderName and -ProviderUserId, checked as Cognito would (read per item: they may come from the pipeline).</summary>
    internal static class IdentityInput
    {
        public static FederatedIdentity Read(string? providerName, string? providerUserId, string attributeName)
        {
            InputValidation.CheckProviderName(providerName, fromCommandLine: false);
            InputValidation.CheckProviderUserId(providerUserId, fromCommandLine: false);
            InputValidation.CheckProviderName(attributeName, fromCommandLine: false);
            return new FederatedIdentity(providerName!, providerUserId!, attributeName);
        }
    }
}
