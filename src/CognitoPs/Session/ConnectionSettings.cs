using CognitoPs.Client;

namespace CognitoPs
{
    /// <summary>
    /// How the connection parameters of a command (or of a command being tab-completed) combine with the session
    /// default into the client's settings. The cmdlets and the argument completers both use this, so completion asks
    /// as the command would.
    /// </summary>
    internal static class ConnectionSettings
    {
        public static ConnectionOptions Merge(string? region, string? endpointUrl, string? profileName, AccessKeyCredential? credential, CognitoSessionDefaults? session)
        {
            // Credential and profile are one choice: naming either ignores both of the session's.
            var explicitIdentity = credential != null || NonEmpty(profileName) != null;
            return new ConnectionOptions
            {
                Region = NonEmpty(region),
                DefaultRegion = session?.Region,
                EndpointUrl = NonEmpty(endpointUrl) ?? session?.EndpointUrl,
                ProfileName = explicitIdentity ? NonEmpty(profileName) : session?.ProfileName,
                Credential = explicitIdentity ? credential : session?.Credential,
            };
        }

        public static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
